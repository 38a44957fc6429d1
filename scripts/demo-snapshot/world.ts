import type { MigrationRequest } from '../../shared/model.ts';

/**
 * The groups and TwinSpaces of the demo world. Members are letters: L Lotte (the demo teacher),
 * K Koen (ICT coordinator), N the NSO moderator, S Sofie, E Eleni. Each group's scenario fixes
 * when its content was written, and so which group rule it exercises (margin 1).
 */
export type GroupScenario =
  /** G1 migrates: content up to the window, wall posts inside 2021-01-01..2022-02-21. */
  | 'active'
  /** G2 lost: last content before 2021. */
  | 'dormant'
  /** G2 lost: quiet in 2021-2022, used again in 2023. */
  | 'revived-2023'
  /** G2 lost: created and used only in 2023. */
  | 'new-2023'
  /** G1G2 uncertain: old content, then activity only after 2022-02-21. */
  | 'late'
  /** G1G2 uncertain: created after the window closed. */
  | 'born-2022'
  /** G2 lost: in 2021-2022 members only logged in, which is not activity. */
  | 'login-only'
  /** G1G2 uncertain: logins inside the window, one forum thread in June 2022. */
  | 'login-then-late'
  /** Content before 2021; the rule hinges on the edge item its special content adds. */
  | 'edge';

export type Lang = 'nl' | 'en' | 'mix';
export type Topic = readonly [nl: string, en: string];

export interface GroupRow {
  key: string;
  title: string;
  created: string;
  scenario: GroupScenario;
  members: string;
  lang: Lang;
  /** 1 small, 2 medium, 3 busy. */
  size: 1 | 2 | 3;
  topic: Topic;
}

export interface TwinSpaceRow {
  key: string;
  title: string;
  created: string;
  projectId: string;
  request: MigrationRequest;
  members: string;
  lang: Lang;
  size: 1 | 2 | 3;
  /** How long the project ran. */
  months: number;
  topic: Topic;
}

export const GROUPS: readonly GroupRow[] = [
  { key: 'lerarenkamer', title: 'eTwinning Vlaanderen – Lerarenkamer', created: '2012-10-02', scenario: 'active', members: 'LKNS', lang: 'nl', size: 1, topic: ['samenwerken met Europese scholen', 'working with European schools'] },
  { key: 'climate', title: 'Climate Action Teachers', created: '2016-09-01', scenario: 'active', members: 'LNSE', lang: 'en', size: 1, topic: ['klimaatverandering', 'climate change'] },
  { key: 'codeweek', title: 'EU Code Week in de klas', created: '2014-09-15', scenario: 'active', members: 'KN', lang: 'nl', size: 1, topic: ['programmeren', 'coding'] },
  { key: 'clil', title: 'CLIL Network Europe', created: '2012-05-21', scenario: 'active', members: 'NES', lang: 'en', size: 1, topic: ['CLIL', 'CLIL'] },
  { key: 'okan', title: 'Nieuwkomers in de klas (OKAN) – مرحبا', created: '2016-01-11', scenario: 'active', members: 'NS', lang: 'nl', size: 1, topic: ['anderstalige nieuwkomers', 'newcomer pupils'] },
  { key: 'outdoor', title: 'Outdoor Learning Europe', created: '2019-04-02', scenario: 'active', members: 'NSE', lang: 'en', size: 2, topic: ['buitenlessen', 'outdoor learning'] },
  { key: 'languages', title: 'European Day of Languages – 26 september', created: '2012-09-03', scenario: 'active', members: 'NSE', lang: 'mix', size: 1, topic: ['talen leren', 'language learning'] },
  { key: 'inclusive', title: 'Inclusive Classrooms', created: '2018-03-14', scenario: 'active', members: 'NSK', lang: 'en', size: 2, topic: ['inclusief onderwijs', 'inclusive education'] },
  { key: 'chinese', title: 'Chinese New Year around Europe – 春节', created: '2018-11-20', scenario: 'active', members: 'NES', lang: 'en', size: 1, topic: ['Chinees Nieuwjaar', 'Chinese New Year'] },
  { key: 'ambassadors', title: 'eTwinning-ambassadeurs Vlaanderen', created: '2013-06-10', scenario: 'active', members: 'KNS', lang: 'nl', size: 1, topic: ['eTwinning promoten', 'promoting eTwinning'] },
  { key: 'storytelling', title: 'Digital Storytelling', created: '2015-10-05', scenario: 'active', members: 'NSE', lang: 'en', size: 2, topic: ['digitale verhalen', 'digital stories'] },
  { key: 'wellbeing', title: 'Welzijn op school / Wellbeing at School', created: '2020-05-04', scenario: 'active', members: 'NS', lang: 'mix', size: 2, topic: ['welbevinden', 'wellbeing'] },
  { key: 'maths', title: 'Maths is everywhere', created: '2017-02-08', scenario: 'active', members: 'NEK', lang: 'en', size: 2, topic: ['wiskunde in het dagelijks leven', 'everyday maths'] },
  { key: 'remote', title: 'Afstandsonderwijs: tips en tools', created: '2020-03-16', scenario: 'active', members: 'LKN', lang: 'nl', size: 1, topic: ['afstandsonderwijs', 'remote teaching'] },
  { key: 'greek', title: 'Ελληνικά στην Ευρώπη – Greek language teachers', created: '2014-11-11', scenario: 'active', members: 'NES', lang: 'en', size: 2, topic: ['Grieks als vreemde taal', 'Greek as a foreign language'] },
  { key: 'leaders', title: 'School Leaders Network', created: '2013-04-22', scenario: 'active', members: 'KNE', lang: 'en', size: 2, topic: ['schoolleiderschap', 'school leadership'] },
  { key: 'entrepreneurs', title: 'Young Entrepreneurs', created: '2017-10-10', scenario: 'active', members: 'NKS', lang: 'en', size: 1, topic: ['ondernemerschap', 'entrepreneurship'] },
  { key: 'stem', title: 'STEM Discovery', created: '2016-02-15', scenario: 'active', members: 'KNS', lang: 'en', size: 2, topic: ['STEM', 'STEM'] },
  { key: 'erasmus', title: 'Erasmus+ en eTwinning: samen sterk', created: '2014-01-20', scenario: 'edge', members: 'LNK', lang: 'nl', size: 1, topic: ['Erasmus+-mobiliteit', 'Erasmus+ mobility'] },

  { key: 'stem-basis', title: 'STEM in de basisschool', created: '2013-01-15', scenario: 'dormant', members: 'NS', lang: 'nl', size: 1, topic: ['wetenschap en techniek', 'science and technology'] },
  { key: 'erasmusdays', title: 'Erasmus Days 2018', created: '2018-09-03', scenario: 'dormant', members: 'NSE', lang: 'en', size: 1, topic: ['Erasmus Days', 'Erasmus Days'] },
  { key: 'safer', title: 'Safer Internet Day', created: '2013-01-28', scenario: 'dormant', members: 'KNS', lang: 'en', size: 1, topic: ['veilig internet', 'online safety'] },
  { key: 'drama', title: 'Teaching English through Drama', created: '2014-02-17', scenario: 'dormant', members: 'NSE', lang: 'en', size: 1, topic: ['drama in de Engelse les', 'drama in English lessons'] },
  { key: 'reading', title: 'Reading Friends Europe', created: '2015-03-02', scenario: 'dormant', members: 'NSE', lang: 'en', size: 2, topic: ['lezen', 'reading'] },
  { key: 'geogebra', title: 'GeoGebra in de wiskundeles', created: '2013-09-09', scenario: 'dormant', members: 'KNE', lang: 'nl', size: 1, topic: ['GeoGebra', 'GeoGebra'] },
  { key: 'early', title: 'Early Childhood Education', created: '2012-04-16', scenario: 'dormant', members: 'NSE', lang: 'en', size: 2, topic: ['kleuteronderwijs', 'early childhood education'] },
  { key: 'holocaust', title: 'Holocaust Remembrance Education', created: '2016-01-27', scenario: 'dormant', members: 'NE', lang: 'en', size: 1, topic: ['herinneringseducatie', 'remembrance education'] },
  { key: 'music', title: 'Music across Borders', created: '2017-05-15', scenario: 'dormant', members: 'NES', lang: 'en', size: 2, topic: ['muziek', 'music'] },
  { key: 'kerst', title: 'Kerstkaarten uitwisselen', created: '2012-11-05', scenario: 'dormant', members: 'NSK', lang: 'nl', size: 1, topic: ['kerstkaarten', 'Christmas cards'] },
  { key: 'football', title: 'Euro 2016 Football Fever', created: '2016-05-30', scenario: 'dormant', members: 'NK', lang: 'en', size: 1, topic: ['voetbal', 'football'] },
  { key: 'fle', title: 'Le coin des profs de FLE', created: '2014-06-02', scenario: 'dormant', members: 'NSE', lang: 'nl', size: 2, topic: ['Frans als vreemde taal', 'French as a foreign language'] },
  { key: 'radio', title: 'Schoolradio en podcasts', created: '2017-11-06', scenario: 'dormant', members: 'KNS', lang: 'nl', size: 2, topic: ['podcasts maken', 'making podcasts'] },
  { key: 'heritage', title: 'European Year of Cultural Heritage 2018', created: '2018-01-15', scenario: 'dormant', members: 'NES', lang: 'en', size: 1, topic: ['cultureel erfgoed', 'cultural heritage'] },
  { key: 'partners', title: 'Partners zoeken in Vlaanderen', created: '2014-03-03', scenario: 'revived-2023', members: 'LNS', lang: 'nl', size: 1, topic: ['partners zoeken', 'finding partners'] },
  { key: 'esep-start', title: 'ESEP: wegwijs op het nieuwe platform', created: '2023-01-16', scenario: 'new-2023', members: 'LNK', lang: 'nl', size: 1, topic: ['het nieuwe platform', 'the new platform'] },
  { key: 'mobility', title: 'Mobiliteit en uitwisseling', created: '2015-05-11', scenario: 'login-only', members: 'LNS', lang: 'nl', size: 1, topic: ['uitwisselingen', 'exchanges'] },
  { key: 'sinterklaas', title: 'Sinterklaas, Kerstmis en Oud & Nieuw in Europa', created: '2013-11-18', scenario: 'edge', members: 'LNS', lang: 'nl', size: 1, topic: ['feesten in Europa', 'celebrations in Europe'] },
  { key: 'newyear-cards', title: 'Happy New Year Cards Exchange', created: '2019-11-25', scenario: 'edge', members: 'LNE', lang: 'en', size: 1, topic: ['nieuwjaarskaarten', 'New Year cards'] },

  { key: 'media', title: 'Mediawijsheid in de klas', created: '2015-02-09', scenario: 'late', members: 'LKN', lang: 'nl', size: 1, topic: ['mediawijsheid', 'media literacy'] },
  { key: 'digcit', title: 'Digital Citizenship Europe', created: '2019-02-05', scenario: 'late', members: 'KNE', lang: 'en', size: 1, topic: ['digitaal burgerschap', 'digital citizenship'] },
  { key: 'green-week', title: 'EU Green Week', created: '2020-06-01', scenario: 'late', members: 'NSE', lang: 'en', size: 2, topic: ['duurzaamheid', 'sustainability'] },
  { key: 'poetry', title: 'Poetry without Borders', created: '2016-03-21', scenario: 'late', members: 'NES', lang: 'en', size: 2, topic: ['poëzie', 'poetry'] },
  { key: 'ukraine', title: 'Solidariteit met Oekraïense leerlingen – Солідарність', created: '2022-03-01', scenario: 'born-2022', members: 'NSE', lang: 'mix', size: 2, topic: ['Oekraïense leerlingen opvangen', 'welcoming Ukrainian pupils'] },
  { key: 'esep-prep', title: 'Klaar voor ESEP? Vragen over de verhuis', created: '2022-03-15', scenario: 'born-2022', members: 'LKN', lang: 'nl', size: 1, topic: ['de verhuis naar ESEP', 'the move to ESEP'] },
  { key: 'reading-promo', title: 'Leesbevordering / Reading Promotion', created: '2017-09-25', scenario: 'login-then-late', members: 'LNS', lang: 'mix', size: 1, topic: ['leesplezier', 'reading for pleasure'] },
  { key: 'carnaval', title: 'Carnaval in Europa', created: '2016-01-18', scenario: 'edge', members: 'LSE', lang: 'nl', size: 1, topic: ['carnaval', 'carnival'] },
  { key: 'quiz', title: "New Year's Eve Quiz / Oudejaarsquiz", created: '2018-12-03', scenario: 'edge', members: 'LKE', lang: 'mix', size: 1, topic: ['quizzen', 'quizzes'] },

  { key: 'wishes-2021', title: 'Nieuwjaarswensen 2021', created: '2020-11-23', scenario: 'edge', members: 'LSK', lang: 'nl', size: 1, topic: ['nieuwjaarswensen', 'New Year wishes'] },
  { key: 'mother-tongue', title: 'Internationale Dag van de Moedertaal (21 februari)', created: '2017-02-01', scenario: 'edge', members: 'LNS', lang: 'mix', size: 1, topic: ['meertaligheid', 'multilingualism'] },
];

export const TWINSPACES: readonly TwinSpaceRow[] = [
  { key: 'rivers', title: 'Our Rivers, Our Future', created: '2019-09-02', projectId: 'p-30417', request: 'none', members: 'LE', lang: 'mix', size: 2, months: 10, topic: ['rivieren en waterkwaliteit', 'rivers and water quality'] },
  { key: 'fairy', title: 'Sprookjes zonder grenzen – Fairy Tales without Borders', created: '2018-10-01', projectId: 'p-28113', request: 'requested', members: 'LSE', lang: 'mix', size: 1, months: 9, topic: ['sprookjes', 'fairy tales'] },
  { key: 'codecity', title: 'Code your City', created: '2018-09-17', projectId: 'p-26550', request: 'confirmed', members: 'LK', lang: 'mix', size: 2, months: 21, topic: ['programmeren', 'coding'] },
  { key: 'scientists', title: 'Μικροί Ερευνητές – Little Scientists', created: '2020-10-05', projectId: 'p-31902', request: 'requested', members: 'E', lang: 'en', size: 1, months: 8, topic: ['proefjes', 'experiments'] },
  { key: 'food', title: 'Europa op je bord – Healthy Food', created: '2016-09-19', projectId: 'p-22431', request: 'none', members: 'SE', lang: 'mix', size: 1, months: 9, topic: ['gezonde voeding', 'healthy food'] },
  { key: 'robots', title: 'Robots in de klas', created: '2019-01-14', projectId: 'p-27004', request: 'none', members: 'K', lang: 'nl', size: 1, months: 5, topic: ['robotica', 'robotics'] },
  { key: 'voices', title: 'Voices of WWII – Stemmen uit de oorlog', created: '2017-09-11', projectId: 'p-24318', request: 'confirmed', members: 'LE', lang: 'en', size: 1, months: 9, topic: ['de Tweede Wereldoorlog', 'the Second World War'] },
  { key: 'bridge', title: 'Мост на приятелството – Bridge of Friendship', created: '2015-10-12', projectId: 'p-21055', request: 'none', members: 'L', lang: 'en', size: 1, months: 8, topic: ['vriendschap', 'friendship'] },
  { key: 'climate-talk', title: "Let's Talk Climate", created: '2021-09-20', projectId: 'p-32570', request: 'requested', members: 'KS', lang: 'en', size: 1, months: 9, topic: ['klimaat', 'climate'] },
  { key: 'water', title: 'Water for All', created: '2019-10-07', projectId: 'p-29321', request: 'none', members: 'SE', lang: 'en', size: 1, months: 8, topic: ['water', 'water'] },
  { key: 'myschool', title: 'Mijn school, jouw school', created: '2012-10-15', projectId: 'p-10233', request: 'none', members: 'LS', lang: 'nl', size: 1, months: 20, topic: ['onze scholen', 'our schools'] },
  { key: 'green', title: 'Green Schools Network', created: '2022-01-10', projectId: 'p-33010', request: 'confirmed', members: 'SE', lang: 'en', size: 1, months: 6, topic: ['groene scholen', 'green schools'] },
  { key: 'stories-2022', title: 'Digital Storytelling 2022', created: '2021-11-08', projectId: 'p-34420', request: 'requested', members: 'LKE', lang: 'en', size: 1, months: 7, topic: ['digitale verhalen', 'digital stories'] },
  { key: 'math-trails', title: 'Math Trails', created: '2018-02-05', projectId: 'p-25890', request: 'none', members: 'KE', lang: 'en', size: 1, months: 4, topic: ['wiskundewandelingen', 'maths trails'] },
  { key: 'xmas', title: 'Christmas Card Exchange 2013', created: '2013-11-04', projectId: 'p-12877', request: 'none', members: 'S', lang: 'en', size: 1, months: 2, topic: ['kerstkaarten', 'Christmas cards'] },
  { key: 'spring', title: 'Spring Festival Exchange – 春节交流', created: '2020-01-08', projectId: 'p-30111', request: 'none', members: 'LE', lang: 'en', size: 1, months: 3, topic: ['het lentefeest', 'the Spring Festival'] },
];
