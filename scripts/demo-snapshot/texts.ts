/**
 * What teachers wrote, in Dutch and English. `{topic}`, `{space}`, `{year}` and `{week}` are
 * filled in per space and item (HTML-escaped); everything else is HTML as the platform stored it.
 */
export type TextLang = 'nl' | 'en';

export interface TitledText {
  title: string;
  html: string;
}

export interface ThreadText extends TitledText {
  replies: readonly string[];
}

export const PAGE_TEXTS: Record<TextLang, readonly TitledText[]> = {
  nl: [
    {
      title: 'Welkom in {space}',
      html: '<h2>Welkom!</h2><p>Fijn dat je er bent. In deze groep wisselen leerkrachten uit Vlaanderen en de rest van Europa ideeën uit over {topic}. Stel je gerust even voor op het forum.</p><h3>Afspraken</h3><ul><li>Deel enkel materiaal waarvan je de rechten hebt.</li><li>Geen foto\'s van leerlingen zonder toestemming van de ouders.</li><li>Schrijf in het Nederlands of in het Engels.</li></ul>',
    },
    {
      title: 'Jaarplanning {year}',
      html: '<h2>Jaarplanning {year}</h2><p>Dit is de planning die we op de online bijeenkomst hebben afgesproken.</p><table><thead><tr><th>Maand</th><th>Activiteit</th><th>Wie</th></tr></thead><tbody><tr><td>September</td><td>Kennismaking en logowedstrijd</td><td>Alle scholen</td></tr><tr><td>November</td><td>Online bijeenkomst over {topic}</td><td>Coördinatoren</td></tr><tr><td>Februari</td><td>Uitwisseling van filmpjes</td><td>Leerlingen</td></tr><tr><td>Mei</td><td>Evaluatie en certificaten</td><td>Alle scholen</td></tr></tbody></table>',
    },
    {
      title: 'Lesidee: {topic} in de klas',
      html: '<h2>Lesidee: {topic}</h2><p>Deze les werkte goed in het 5de en 6de leerjaar, maar is makkelijk aan te passen voor de eerste graad secundair.</p><ol><li>Start met een korte brainstorm op het bord.</li><li>Laat de leerlingen in groepjes van vier een mindmap maken.</li><li>Vergelijk de mindmaps met die van de partnerschool.</li><li>Sluit af met een exitticket.</li></ol><p><strong>Tip:</strong> spreek de uitwisseling met de partnerschool op voorhand af, zodat beide klassen tegelijk online zijn.</p>',
    },
    {
      title: 'Verslag van de online bijeenkomst',
      html: '<h2>Verslag van de online bijeenkomst</h2><p>Aanwezig: zeven leerkrachten uit vier landen. We bespraken hoe ver iedereen staat met {topic}.</p><h3>Actiepunten</h3><ul><li>Iedereen deelt voor het einde van de maand één lesvoorbeeld.</li><li>De volgende bijeenkomst is op woensdag om 16 uur.</li><li>We zoeken nog een school uit Zuid-Europa.</li></ul>',
    },
    {
      title: 'Nuttige links',
      html: '<h2>Nuttige links</h2><ul><li><a href="https://school-education.ec.europa.eu/nl">European School Education Platform</a></li><li><a href="https://www.etwinning.net/nl/pub/index.htm">eTwinning-portaal</a></li><li><a href="https://www.klascement.net/">KlasCement</a> – lesmateriaal van Vlaamse leerkrachten</li><li><a href="mailto:etwinning@support.example">Mail de eTwinning-helpdesk</a></li></ul><p>Mis je een link over {topic}? Zet hem in een reactie hieronder.</p>',
    },
    {
      title: 'Evaluatie van ons project',
      html: '<h2>Evaluatie</h2><p>We gebruikten deze rubric om het project samen met de leerlingen te evalueren.</p><table><tr><th>Criterium</th><th>Goed</th><th>Kan beter</th></tr><tr><td>Samenwerking met de partners</td><td>✔</td><td></td></tr><tr><td>Gebruik van ICT</td><td>✔</td><td></td></tr><tr><td>Spreekvaardigheid Engels</td><td></td><td>✔</td></tr></table><p>Volgend jaar willen we meer tijd voor de eindpresentatie.</p>',
    },
    {
      title: 'Partners gezocht: {topic}',
      html: '<h2>Partners gezocht</h2><p>Wij zijn een school uit Mechelen met twee klassen van 10 tot 12 jaar. We zoeken twee partnerscholen voor een klein project over {topic}, van oktober tot mei.</p><p>Interesse? Stuur me een bericht of reageer hieronder.</p>',
    },
    {
      title: 'Goede praktijk: {topic}',
      html: '<h2>Goede praktijk</h2><p>In onze school werken we al drie jaar rond {topic}. Wat we geleerd hebben:</p><ul><li>Begin klein: één klas, één partner.</li><li>Betrek de directie van bij het begin.</li><li>Laat de leerlingen zelf de inhoud maken.</li></ul><blockquote>„Mijn leerlingen vonden het geweldig om hun partners live te zien.”</blockquote>',
    },
    {
      title: 'Nascholing en webinars {year}',
      html: '<h2>Nascholing</h2><p>Het NSO organiseert dit schooljaar opnieuw een reeks webinars. Inschrijven kan via het eTwinning-portaal.</p><ul><li>Starten met eTwinning</li><li>De TwinSpace voor gevorderden</li><li>Het Quality Label aanvragen</li><li>{topic}: ideeën voor de klas</li></ul>',
    },
    {
      title: 'Onze school stelt zich voor',
      html: '<h2>Onze school</h2><p>Wij zijn een middelgrote school met 420 leerlingen, in het centrum van de stad. Veel van onze leerlingen spreken thuis een andere taal dan het Nederlands.</p><table><tr><td>Leerlingen</td><td>420</td></tr><tr><td>Leerkrachten</td><td>38</td></tr><tr><td>Talen op school</td><td>Nederlands, Frans, Engels</td></tr></table><p>Dit schooljaar werken we rond {topic}.</p>',
    },
  ],
  en: [
    {
      title: 'Welcome to {space}',
      html: '<h2>Welcome!</h2><p>This group brings together teachers from all over Europe who work on {topic}. Please introduce yourself in the forum and tell us which age group you teach.</p><h3>Group rules</h3><ul><li>Be kind and constructive.</li><li>Only share materials you have the right to share.</li><li>No photos of pupils without parental consent.</li></ul>',
    },
    {
      title: 'Project timeline {year}',
      html: '<h2>Timeline {year}</h2><table><thead><tr><th>Month</th><th>Activity</th><th>Product</th></tr></thead><tbody><tr><td>October</td><td>Getting to know each other</td><td>Introduction video</td></tr><tr><td>December</td><td>Research on {topic}</td><td>Shared padlet</td></tr><tr><td>March</td><td>Video call between the classes</td><td>Recording</td></tr><tr><td>June</td><td>Final product and evaluation</td><td>E-book</td></tr></tbody></table>',
    },
    {
      title: 'Lesson plan: {topic}',
      html: '<h2>Lesson plan</h2><p><em>Age:</em> 10–14 · <em>Duration:</em> 2 × 50 minutes</p><h3>Objectives</h3><ul><li>Pupils can explain the key ideas of {topic} in English.</li><li>Pupils compare their findings with a partner class.</li></ul><h3>Steps</h3><ol><li>Warm-up quiz (10 min)</li><li>Group research on tablets (30 min)</li><li>Video call with the partner school (20 min)</li><li>Reflection in the project diary (10 min)</li></ol>',
    },
    {
      title: 'Minutes of our online meeting',
      html: '<h2>Minutes</h2><p>Present: nine teachers from six countries. We discussed how far everyone is with {topic}.</p><h3>Decisions</h3><ul><li>Each school uploads one lesson example before the end of the month.</li><li>Next meeting: Tuesday, 17:00 CET.</li><li>We still look for a school from the Nordic countries.</li></ul>',
    },
    {
      title: 'Useful resources',
      html: '<h2>Useful resources</h2><ul><li><a href="https://school-education.ec.europa.eu/en">European School Education Platform</a></li><li><a href="https://www.etwinning.net/en/pub/index.htm">eTwinning portal</a></li><li><a href="https://www.europeana.eu/en">Europeana</a> – pictures and documents for {topic}</li><li><a href="https://learning-corner.learning.europa.eu/">Learning Corner</a></li></ul>',
    },
    {
      title: 'Evaluation rubric',
      html: '<h2>Evaluation rubric</h2><table><tr><th>Criterion</th><th>1</th><th>2</th><th>3</th></tr><tr><td>Collaboration with partners</td><td>rarely</td><td>sometimes</td><td>always</td></tr><tr><td>Use of digital tools</td><td>basic</td><td>good</td><td>creative</td></tr><tr><td>Knowledge of {topic}</td><td>limited</td><td>solid</td><td>excellent</td></tr></table>',
    },
    {
      title: 'Call for partners: {topic}',
      html: '<h2>Call for partners</h2><p>We are a secondary school in Flanders (Belgium) looking for two partner schools for a project on {topic}. Pupils are 12–14 years old; the working language is English.</p><p>Please reply below or send me a message if you are interested.</p>',
    },
    {
      title: 'Good practice: {topic}',
      html: '<h2>Good practice</h2><p>Our school has worked on {topic} for three years now. What worked for us:</p><ul><li>Start small: one class, one partner.</li><li>Plan video calls at the beginning of the year.</li><li>Let pupils create the content themselves.</li></ul><blockquote>“My pupils loved seeing their partners live.”</blockquote>',
    },
    {
      title: 'Our school in numbers',
      html: '<h2>Our school</h2><table><tr><td>Pupils</td><td>560</td></tr><tr><td>Teachers</td><td>47</td></tr><tr><td>Languages taught</td><td>English, French, German, Spanish</td></tr><tr><td>eTwinning projects</td><td>12</td></tr></table><p>This year our project is about {topic}.</p>',
    },
    {
      title: 'Ideas for the next school year',
      html: '<h2>Ideas for next year</h2><p>Let us collect ideas here. A few from our last meeting:</p><ul><li>A shared e-book about {topic}.</li><li>An online quiz between all partner classes.</li><li>A joint exhibition for Europe Day (9 May).</li></ul>',
    },
  ],
};

export const THREAD_TEXTS: Record<TextLang, readonly ThreadText[]> = {
  nl: [
    {
      title: 'Wie zoekt er nog een partner voor {topic}?',
      html: '<p>Ik zoek een partnerschool voor volgend schooljaar, leerlingen van 10 tot 12 jaar. Wie heeft interesse?</p>',
      replies: [
        '<p>Goed idee! Wij doen mee met twee klassen van het 5de leerjaar.</p>',
        '<p>Ik ken een school in Tartu die iets gelijkaardigs zoekt. Ik stuur je hun gegevens.</p>',
      ],
    },
    {
      title: 'Hoe organiseren jullie de TwinSpace?',
      html: '<p>Dit is mijn eerste project. Maken jullie de pagina\'s per land of per activiteit?</p>',
      replies: [
        '<p>Bij ons werkt het best per activiteit, met een aparte pagina per land eronder.</p>',
        '<p>Wij laten de leerlingen zelf pagina\'s maken, maar de structuur leggen we als leerkrachten vast.</p>',
        '<p>Vergeet het projectdagboek niet, daar kijkt de jury van het Quality Label naar.</p>',
      ],
    },
    {
      title: 'Vraag over het Quality Label',
      html: '<p>Moet het project helemaal afgelopen zijn voor je het Quality Label kunt aanvragen?</p>',
      replies: [
        '<p>Ja, het project moet afgerond zijn. De aanvraagperiode loopt meestal tot half juni.</p>',
        '<p>Kijk ook eens in de handleiding van het NSO, daar staat het goed uitgelegd.</p>',
      ],
    },
    {
      title: 'Foto\'s van leerlingen en de GDPR',
      html: '<p>Hoe gaan jullie om met foto\'s van leerlingen? Wij laten de ouders een formulier tekenen, maar mag ik dan ook foto\'s in de TwinSpace zetten?</p>',
      replies: [
        '<p>Wij gebruiken een toestemmingsformulier aan het begin van het schooljaar. Foto\'s zonder gezichten zijn altijd veilig.</p>',
        '<p>De TwinSpace is niet publiek, maar vraag toch altijd toestemming.</p>',
      ],
    },
    {
      title: 'Tips voor een videogesprek met de partnerklas',
      html: '<p>Volgende week hebben we ons eerste videogesprek met een klas in Polen. Tips?</p>',
      replies: [
        '<p>Test de verbinding een dag op voorhand en zorg voor een plan B (een filmpje opnemen).</p>',
        '<p>Laat de leerlingen vragen voorbereiden op kaartjes, dan durven ze meer.</p>',
        '<p>Let op het tijdsverschil als je met Portugal of Griekenland werkt!</p>',
      ],
    },
    {
      title: 'Voorstelrondje',
      html: '<p>Laten we ons even voorstellen: naam, school, vak en wat je van deze groep verwacht.</p>',
      replies: [
        '<p>Hallo allemaal! Ik geef aardrijkskunde in Gent en ben nieuw in eTwinning.</p>',
        '<p>Dag iedereen, ik ben ICT-coördinator in een basisschool in Leuven.</p>',
        '<p>Hoi! Leerkracht Engels in Hasselt, al tien jaar eTwinner.</p>',
      ],
    },
  ],
  en: [
    {
      title: 'Looking for partners: {topic}',
      html: '<p>We are looking for one or two schools for a project on {topic} next year. Pupils are 11–13. Anyone?</p>',
      replies: [
        '<p>Count us in! We have two classes of 12-year-olds in Porto.</p>',
        '<p>Interested! I teach English in a lower secondary school near Kraków.</p>',
        '<p>Sounds great. Could we start in October?</p>',
      ],
    },
    {
      title: 'Which tools do you use for video calls?',
      html: '<p>Our school blocks some platforms. Which tools work for you with pupils?</p>',
      replies: [
        '<p>We use the video conference tool in the TwinSpace, it works without accounts for pupils.</p>',
        '<p>Jitsi works well for us, no installation needed.</p>',
      ],
    },
    {
      title: 'Share your best lesson on {topic}',
      html: '<p>Let\'s build a collection: post one lesson that worked well in your class.</p>',
      replies: [
        '<p>Here is ours: pupils interviewed their grandparents and compared the answers with the partner class.</p>',
        '<p>We did an escape room in English, the pupils loved it!</p>',
        '<p>Thank you all, this is a treasure.</p>',
      ],
    },
    {
      title: 'Quality Label questions',
      html: '<p>Is it possible to apply for the Quality Label when a partner school left the project halfway?</p>',
      replies: [
        '<p>Yes, as long as at least two schools from two countries finished the project together.</p>',
        '<p>Ask your NSO, they can check your case.</p>',
      ],
    },
    {
      title: 'Introduce yourself!',
      html: '<p>New here? Tell us who you are, where you teach and what you hope to find in this group.</p>',
      replies: [
        '<p>Hello from Thessaloniki! I teach in a primary school and love project work.</p>',
        '<p>Hi everyone, I am a science teacher from Tallinn.</p>',
        '<p>Bonjour ! French teacher from Lyon, happy to join.</p>',
      ],
    },
    {
      title: 'Time zones and scheduling',
      html: '<p>With partners from Portugal to Finland, finding a slot for a live event is hard. How do you plan?</p>',
      replies: [
        '<p>We share a simple table with the free slots of each class.</p>',
        '<p>Remember the switch to summer time, it caught us twice!</p>',
      ],
    },
  ],
};

export const JOURNAL_TEXTS: Record<TextLang, readonly TitledText[]> = {
  nl: [
    { title: 'Week {week}: kennismaking', html: '<p>Vandaag stelden de leerlingen zich voor met een kort filmpje. De partners reageerden meteen!</p>' },
    { title: 'Ons logo is gekozen', html: '<p>Na een stemming in alle partnerscholen won het logo van de klas uit Thessaloniki. Proficiat!</p>' },
    { title: 'Eerste videogesprek', html: '<p>Spannend! De leerlingen hadden vragen voorbereid over {topic}. Volgende keer spreken we langer.</p>' },
    { title: 'Uitstap in het kader van het project', html: '<p>We gingen op uitstap en verzamelden materiaal voor ons project over {topic}. Foto\'s volgen.</p>' },
    { title: 'Evaluatie met de leerlingen', html: '<p>De leerlingen schreven wat ze geleerd hebben. De meesten willen volgend jaar opnieuw meedoen.</p>' },
    { title: 'Week {week}: werken in internationale teams', html: '<p>De leerlingen werken nu in gemengde teams met de partnerschool. Elke team maakt één hoofdstuk.</p>' },
  ],
  en: [
    { title: 'Meet the partners', html: '<p>All classes uploaded their introduction videos. The pupils were surprised how much they have in common.</p>' },
    { title: 'Logo contest results', html: '<p>Our project logo was chosen by all pupils in an online vote. Congratulations to the winning class!</p>' },
    { title: 'First video call', html: '<p>Our first live meeting! Pupils asked each other questions about {topic} and their daily life.</p>' },
    { title: 'Field trip day', html: '<p>We went out to collect data for our project on {topic}. Photos and results are on the project pages.</p>' },
    { title: 'What we learned', html: '<p>Pupils wrote a short reflection. Most of them mention that speaking English with real partners was the best part.</p>' },
    { title: 'Project diary: week {week}', html: '<p>Mixed teams are now working on the chapters of our common e-book about {topic}.</p>' },
    { title: 'Final product online', html: '<p>Our common e-book is finished! Thank you to all pupils and teachers.</p>' },
  ],
};

export const COMMENT_TEXTS: Record<TextLang, readonly string[]> = {
  nl: [
    '<p>Mooi werk!</p>',
    '<p>Super, mijn leerlingen willen dit ook proberen.</p>',
    '<p>Dank je voor het delen!</p>',
    '<p>Waar heb je die werkbladen gevonden?</p>',
    '<p>Prachtige foto\'s! 😍</p>',
    '<p>Kunnen we dit in maart nog eens doen?</p>',
    '<p>Handig, ik gebruik dit volgende week in mijn klas.</p>',
  ],
  en: [
    '<p>Great work!</p>',
    '<p>Thanks for sharing!</p>',
    '<p>My pupils loved this.</p>',
    '<p>Could you share the worksheet in English too?</p>',
    '<p>Lovely photos! 👏</p>',
    '<p>What a nice idea, we will try it in spring.</p>',
    '<p>Very useful, thank you.</p>',
  ],
};

/** The line above a list of attachments. */
export const ATTACHMENTS_HEADING: Record<TextLang, string> = { nl: 'Bijlagen', en: 'Attachments' };
export const SEE_ALSO: Record<TextLang, string> = { nl: 'Zie ook', en: 'See also' };
