import type { FileContent } from '../../electron/core/sample-platform/snapshot-schema.ts';
import type { EventOrganizer, ItemOrigin, ItemType } from '../../shared/model.ts';
import type { AccountKey } from './accounts.ts';
import { generatedContent, mediaTypeFor } from './files.ts';
import type { ItemSink } from './items.ts';
import type { Rng } from './prng.ts';
import { avatarPng } from './real-files.ts';

/** Personal items (eTwinning Live: profile, photos, network, portfolio, events, mailbox, projects). */
interface PersonalEntry {
  type: ItemType;
  title: string;
  at: string;
  updatedAt?: string;
  body?: string;
  organizer?: EventOrganizer;
  origin?: ItemOrigin;
  file?: { name: string; size?: number; content?: FileContent };
}

const profile = (title: string, at: string, body: string, updatedAt?: string): PersonalEntry =>
  ({ type: 'profile', title, at, body, updatedAt });
const profilePhoto = (at: string, name: string, content?: FileContent): PersonalEntry =>
  ({ type: 'profile-photo', title: 'Profielfoto', at, file: { name, content, size: content ? undefined : 24_000 } });
const photo = (title: string, at: string, name: string): PersonalEntry => ({ type: 'photo', title, at, file: { name } });
const contact = (title: string, at: string): PersonalEntry => ({ type: 'contact', title, at });
const follower = (title: string, at: string): PersonalEntry => ({ type: 'follower', title, at });
const portfolio = (title: string, at: string, origin?: ItemOrigin): PersonalEntry =>
  ({ type: 'portfolio-activity', title, at, origin });
const event = (organizer: EventOrganizer, title: string, at: string, body: string, origin?: ItemOrigin): PersonalEntry =>
  ({ type: 'event', title, at, organizer, body, origin });
const message = (title: string, at: string, body: string, origin?: ItemOrigin): PersonalEntry =>
  ({ type: 'message', title, at, body, origin });
const project = (title: string, at: string, body: string): PersonalEntry => ({ type: 'project', title, at, body });

const LOTTE: readonly PersonalEntry[] = [
  profile('Lotte Janssens', '2012-09-14T19:22:00+02:00',
    '<h2>Lotte Janssens</h2><p>Leerkracht Engels en ICT – English and ICT teacher</p><ul><li>School: GO! Atheneum Mechelen, België</li>'
    + '<li>E-mail: lotte.janssens@school.example</li><li>Talen: Nederlands, English, français</li>'
    + '<li>Leeftijd leerlingen: 10–14</li></ul><p>eTwinner sinds 2012, eTwinning-ambassadeur sinds 2019.</p>',
    '2022-01-10T20:05:00+01:00'),
  profilePhoto('2019-08-30T21:10:00+02:00', 'profielfoto-lotte.png', avatarPng()),
  photo('Klasfoto 2019', '2019-09-20T13:05:00+02:00', 'klasfoto 2019.jpg'),
  photo('Erasmusdagen 2018 – Thessaloniki', '2018-10-12T17:40:00+03:00', 'Erasmusdagen 2018 – Θεσσαλονίκη.jpg'),
  photo('Schoolreis naar Brugge', '2017-06-02T18:00:00+02:00', 'Schoolreis naar Brugge 🚲.jpg'),
  photo('IMG_20210415_101530.jpg', '2021-04-15T10:20:00+02:00', 'IMG_20210415_101530.jpg'),
  photo('Contactseminarie Lissabon', '2016-03-05T19:45:00Z', 'Contactseminarie Lisboa – São Jorge.jpg'),
  photo('Onze eTwinning-hoek', '2020-02-14T12:30:00+01:00', 'eTwinning-hoek.png'),
  contact('Maria Rossi', '2017-01-09T20:00:00+01:00'),
  contact('Γιώργος Παπαδόπουλος', '2018-10-13T09:15:00+03:00'),
  contact('Олена Коваленко', '2022-03-14T18:30:00+02:00'),
  contact('Ana García López', '2019-02-03T11:00:00+01:00'),
  contact('Sofie Maes', '2013-01-16T19:00:00+01:00'),
  contact('Koen De Smet', '2014-02-04T12:00:00+01:00'),
  contact('Ελένη Γεωργίου (Eleni Georgiou)', '2017-09-12T10:30:00+03:00'),
  follower('Pieter Claes', '2019-03-01T20:00:00+01:00'),
  follower('Marie Dubois', '2020-05-12T14:00:00+02:00'),
  follower('Zeynep Yılmaz', '2021-01-20T09:40:00+03:00'),
  follower('李娜 (Li Na)', '2022-02-02T07:10:00Z'),
  portfolio('Professional Development Workshop, Brussel', '2013-03-20T10:00:00+01:00'),
  portfolio('Online seminar: Europe Day in the classroom', '2015-05-09T14:00:00+02:00'),
  portfolio('National Quality Label – Mijn school, jouw school', '2016-10-12T10:00:00Z'),
  portfolio('Workshop op de eTwinning-conferentie Vlaanderen', '2018-06-30T22:30:00Z'),
  portfolio('Summer school: digital tools (Heraklion)', '2018-07-01T00:30:00+03:00'),
  portfolio('Online Learning Event: game-based learning', '2018-07-01T21:30:00Z'),
  portfolio('European Quality Label – Code your City', '2019-11-20T09:00:00+01:00'),
  portfolio('Learning Event: media literacy', '2020-10-12T10:00:00Z'),
  portfolio('National Quality Label – Our Rivers, Our Future', '2021-10-15T14:00:00+02:00'),
  portfolio('eTwinning-ambassadeur: opleiding', '2022-05-09T09:00:00+02:00'),
  portfolio('SEG Teacher Academy: online and blended learning', '2020-04-15T16:00:00+02:00', 'seg'),
  event('user', 'Live-les: rivieren vergelijken met Thessaloniki', '2020-03-12T10:00:00+01:00',
    '<p>Videogesprek tussen 5B (Mechelen) en de klas van Eleni (Θεσσαλονίκη). Elke klas stelt haar metingen voor.</p>'),
  event('user', 'Kerstquiz met de partnerklassen', '2019-12-18T13:30:00+01:00',
    '<p>Een quiz in het Engels met vier partnerklassen. Teams van vier, één tablet per team.</p>'),
  event('user', 'Code your City – eindpresentatie', '2020-05-25T15:00:00+02:00',
    '<p>De leerlingen tonen hun geprogrammeerde stadsplan aan ouders en partners.</p>'),
  event('nso', 'Webinar: starten met eTwinning', '2019-10-09T16:00:00+02:00',
    '<p>Een webinar van het NSO Vlaanderen voor nieuwe eTwinners.</p>'),
  event('nso', 'eTwinning-contactseminarie Vlaanderen', '2022-03-17T09:00:00+01:00',
    '<p>Twee dagen partners zoeken en projecten plannen, in Brussel.</p>'),
  event('nso', 'Online infosessie: de verhuis naar ESEP', '2022-09-28T15:30:00+02:00',
    '<p>Wat verhuist mee naar het European School Education Platform, en wat niet? Met tijd voor vragen.</p>'),
  event('css', 'eTwinning Annual Conference 2021 (online)', '2021-10-27T09:00:00+02:00',
    '<p>The annual conference of the Central Support Service, online this year.</p>'),
  event('css', 'Learning Event: climate literacy', '2022-04-04T10:00:00+02:00',
    '<p>A two-week online course with tasks, webinars and a certificate.</p>'),
  event('css', 'SEG webinar: inclusive education', '2021-03-10T16:00:00+01:00',
    '<p>School Education Gateway webinar on inclusive classrooms.</p>', 'seg'),
  message('Re: Our Rivers – measurements', '2019-10-10T21:14:00+03:00',
    '<p>Dear Lotte,</p><p>thank you for the data from the Dijle! Our pH was higher (8.1). Shall we compare on the next call?</p><p>Best wishes,<br>Eleni</p>'),
  message('Wachtwoord TwinSpace Code your City', '2018-09-18T08:05:00+02:00',
    '<p>Dag Lotte,</p><p>de leerlingenaccounts in de TwinSpace staan klaar. Ze loggen in met hun voornaam en het klasnummer.</p><p>Groetjes,<br>Koen</p>'),
  message('Belangrijk: jouw eTwinning-account en EU Login', '2022-09-05T10:00:00+02:00',
    '<h2>Maak je EU Login aan</h2><p>Gebruik <strong>hetzelfde e-mailadres</strong> als voor eTwinning, anders verhuist je profiel niet mee.</p>'
    + '<p><a href="javascript:void(document.location=\'https://phish.example/eulogin\')">Log hier meteen in</a> '
    + '(deze link kwam zo mee uit een doorgestuurde mail – gebruik hem niet)</p>'
    + '<img src="https://tracker.example/pixel.gif?campaign=esep-2022&amp;u=u-101" width="1" height="1" alt="">'),
  message('Partnership request: fairy tales', '2018-09-25T17:30:00+02:00',
    '<p>Hi Lotte, I saw your profile. Would your class like to join a project on fairy tales with my pupils in Bologna?</p><p>Maria</p>'),
  message('Привіт! Partnership 2022', '2022-03-14T19:00:00+02:00',
    '<p lang="uk">Привіт, Лотте! Дякуємо за підтримку.</p><p>Hello Lotte, thank you for your support. Our pupils are now in Poland and Belgium; could we start a small project?</p><p>Олена</p>'),
  message('Your National Quality Label', '2021-10-15T12:00:00+02:00',
    '<p>Dear Lotte Janssens,</p><p>Congratulations! Your project <em>Our Rivers, Our Future</em> has been awarded the National Quality Label.</p>'),
  message('Welcome to the School Education Gateway', '2016-02-01T09:00:00+01:00',
    '<p>Welcome! Your School Education Gateway account is active.</p>', 'seg'),
  project('Our Rivers, Our Future', '2019-09-02T09:00:00+02:00',
    '<p>Project p-30417 · with 12ο Δημοτικό Σχολείο Θεσσαλονίκης · pupils 10–12 · National Quality Label 2021</p>'),
  project('Code your City', '2018-09-17T10:00:00+02:00',
    '<p>Project p-26550 · with Koen De Smet · pupils 12–14 · European Quality Label</p>'),
  project('Voices of WWII – Stemmen uit de oorlog', '2017-09-11T09:00:00+02:00',
    '<p>Project p-24318 · with Thessaloniki · pupils 13–14</p>'),
  project('Mijn school, jouw school', '2012-10-15T09:00:00+02:00', '<p>Project p-10233 · met Sofie Maes (Gent)</p>'),
  project('Sprookjes zonder grenzen – Fairy Tales without Borders', '2018-10-01T09:00:00+02:00',
    '<p>Project p-28113 · with Gent, Thessaloniki and Bologna</p>'),
  project('Мост на приятелството – Bridge of Friendship', '2015-10-12T09:00:00+02:00', '<p>Project p-21055 · with Plovdiv</p>'),
  project('Digital Storytelling 2022', '2021-11-08T09:00:00+01:00', '<p>Project p-34420 · with Koen and Eleni</p>'),
];

const KOEN: readonly PersonalEntry[] = [
  profile('Koen De Smet', '2014-02-03T20:10:00+01:00',
    '<h2>Koen De Smet</h2><p>ICT-coördinator, GO! Atheneum Mechelen</p><ul><li>E-mail: koen.desmet@school.example</li><li>Robotica, programmeren, mediawijsheid</li></ul>'),
  profilePhoto('2018-01-07T11:00:00+01:00', 'koen.jpg'),
  photo('Robotica-workshop', '2019-02-21T16:30:00+01:00', 'robotica-workshop.jpg'),
  photo('Code Week 2020', '2020-10-16T14:00:00+02:00', 'codeweek 2020.jpg'),
  contact('Lotte Janssens', '2014-02-04T12:00:00+01:00'),
  contact('Jens Vermeulen', '2016-09-30T10:00:00Z'),
  contact('Marek Nowak', '2019-05-06T18:00:00+02:00'),
  follower('Tom Peeters', '2020-03-20T09:00:00+01:00'),
  portfolio('Workshop Scratch voor leerkrachten', '2015-10-14T14:00:00+02:00'),
  portfolio('European Quality Label – Code your City', '2019-11-20T09:00:00+01:00'),
  portfolio('Learning Event: AI in education', '2022-04-25T10:00:00+02:00'),
  event('user', 'Robotica live: programmeer samen een robot', '2019-02-20T14:00:00+01:00',
    '<p>Live-event met drie scholen: we programmeren dezelfde robot.</p>'),
  event('user', 'Scratch-hackathon Code Week', '2020-10-16T09:00:00+02:00', '<p>Een dag programmeren met vijf partnerscholen.</p>'),
  message('Re: Wachtwoord TwinSpace', '2018-09-18T09:00:00+02:00', '<p>Top, dank je Koen! – Lotte</p>'),
  message('Vraag over de TwinSpace-migratie', '2022-09-12T16:00:00+02:00',
    '<p>Beste NSO, werd onze aanvraag voor de migratie van Code your City bevestigd?</p>'),
  project('Code your City', '2018-09-17T10:00:00+02:00', '<p>Project p-26550</p>'),
  project('Robots in de klas', '2019-01-14T10:00:00+01:00', '<p>Project p-27004</p>'),
  project("Let's Talk Climate", '2021-09-20T10:00:00+02:00', '<p>Project p-32570</p>'),
  project('Math Trails', '2018-02-05T10:00:00+01:00', '<p>Project p-25890</p>'),
];

const NSO: readonly PersonalEntry[] = [
  profile('eTwinning NSO Vlaanderen', '2012-01-09T09:00:00+01:00',
    '<h2>eTwinning National Support Organisation Vlaanderen</h2><p>Vragen? Mail naar <a href="mailto:nso.vlaanderen@support.example">nso.vlaanderen@support.example</a>.</p>'),
  profilePhoto('2016-06-01T09:00:00+02:00', 'logo-nso.png'),
  event('nso', 'Webinar: starten met eTwinning', '2019-10-09T16:00:00+02:00', '<p>Voor nieuwe eTwinners.</p>'),
  event('nso', 'Webinar: starten met eTwinning', '2021-02-10T16:00:00+01:00', '<p>Voor nieuwe eTwinners, online.</p>'),
  event('nso', 'eTwinning-contactseminarie Vlaanderen', '2022-03-17T09:00:00+01:00', '<p>Partners zoeken en projecten plannen.</p>'),
  event('nso', 'Online infosessie: de verhuis naar ESEP', '2022-09-28T15:30:00+02:00', '<p>Wat verhuist mee, en wat niet?</p>'),
  event('nso', 'Prijsuitreiking Quality Labels 2017', '2017-11-22T14:00:00+01:00', '<p>In het Vlaams Parlement.</p>'),
  event('css', 'NSO meeting Brussels', '2019-03-13T09:00:00+01:00', '<p>Meeting of all National Support Organisations.</p>'),
  message('Re: Vraag over de TwinSpace-migratie', '2022-09-13T09:30:00+02:00',
    '<p>Dag Koen, de CSS heeft de aanvraag voor Code your City bevestigd.</p>'),
  message('Welkom, nieuwe ambassadeurs!', '2019-09-02T10:00:00+02:00', '<p>Welkom in het team van eTwinning-ambassadeurs.</p>'),
  contact('Central Support Service', '2012-01-09T09:30:00+01:00'),
  contact('NSO Nederland', '2013-05-14T11:00:00+02:00'),
];

const SOFIE: readonly PersonalEntry[] = [
  profile('Sofie Maes', '2013-01-15T21:00:00+01:00',
    '<h2>Sofie Maes</h2><p>Leerkracht lager onderwijs, Basisschool De Regenboog, Gent</p>'),
  contact('Lotte Janssens', '2013-01-16T19:00:00+01:00'),
  contact('Ελένη Γεωργίου (Eleni Georgiou)', '2016-09-20T18:00:00+03:00'),
  portfolio('Contactseminarie Lissabon', '2016-03-05T09:00:00Z'),
  portfolio('Learning Event: wellbeing at school', '2021-05-03T10:00:00+02:00'),
  project('Sprookjes zonder grenzen – Fairy Tales without Borders', '2018-10-01T09:00:00+02:00', '<p>Project p-28113</p>'),
  project('Europa op je bord – Healthy Food', '2016-09-19T09:00:00+02:00', '<p>Project p-22431</p>'),
  project('Green Schools Network', '2022-01-10T09:00:00+01:00', '<p>Project p-33010</p>'),
  project('Christmas Card Exchange 2013', '2013-11-04T09:00:00+01:00', '<p>Project p-12877</p>'),
];

const ELENI: readonly PersonalEntry[] = [
  profile('Ελένη Γεωργίου (Eleni Georgiou)', '2014-10-20T18:00:00+03:00',
    '<h2>Ελένη Γεωργίου</h2><p lang="el">Δασκάλα, 12ο Δημοτικό Σχολείο Θεσσαλονίκης</p><p>Primary teacher in Thessaloniki.</p>'),
  profilePhoto('2019-01-12T12:00:00+02:00', 'ελένη.jpg'),
  photo('Θεσσαλονίκη – Λευκός Πύργος', '2018-10-12T11:00:00+03:00', 'Λευκός Πύργος.jpg'),
  contact('Lotte Janssens', '2017-09-12T10:30:00+03:00'),
  contact('Sofie Maes', '2016-09-20T18:00:00+03:00'),
  event('user', 'Live call: our rivers', '2020-03-12T11:00:00+02:00', '<p>Live call with the class of Lotte in Mechelen.</p>'),
  project('Our Rivers, Our Future', '2019-09-02T10:00:00+03:00', '<p>Project p-30417</p>'),
  project('Μικροί Ερευνητές – Little Scientists', '2020-10-05T10:00:00+03:00', '<p>Project p-31902</p>'),
  project('Voices of WWII – Stemmen uit de oorlog', '2017-09-11T10:00:00+03:00', '<p>Project p-24318</p>'),
];

export const PERSONAL_ITEMS: Record<AccountKey, readonly PersonalEntry[]> = {
  lotte: LOTTE, koen: KOEN, nso: NSO, sofie: SOFIE, eleni: ELENI,
};

export function writePersonalItems(sink: ItemSink, rng: Rng): void {
  for (const [owner, entries] of Object.entries(PERSONAL_ITEMS) as [AccountKey, readonly PersonalEntry[]][]) {
    for (const entry of entries) {
      const file = entry.file && {
        name: entry.file.name,
        mediaType: mediaTypeFor(entry.file.name),
        content: entry.file.content
          ?? generatedContent(rng, `demo:${sink.nextId()}`, mediaTypeFor(entry.file.name), entry.file.size),
      };
      sink.add({
        owner,
        space: null,
        type: entry.type,
        title: entry.title,
        createdAt: entry.at,
        updatedAt: entry.updatedAt,
        organizer: entry.organizer,
        origin: entry.origin,
        body: entry.body,
        file,
      });
    }
  }
}
