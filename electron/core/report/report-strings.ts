import type { ItemType, MigrationRequest, SpaceKind, Verdict } from '../../../shared/model.ts';
import type { ChangeKind } from '../../../shared/scan-summary.ts';
import { en as uiEn } from '../../../shared/i18n/en.ts';
import { nl as uiNl } from '../../../shared/i18n/nl.ts';

export const REPORT_LANGS = ['en', 'nl'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** Everything the report says itself; reasons and FAQ quotes come from the scan. */
export interface ReportStrings {
  locale: string;
  documentTitle: (name: string) => string;
  heading: string;
  intro: string;
  account: string;
  email: string;
  platform: string;
  scannedAt: string;
  ruleSetLabel: string;
  ruleSetValue: (version: string, faqUpdated: string) => string;
  margin: string;
  marginValue: (days: number) => string;
  euLoginEmail: string;
  notGiven: string;
  summaryHeading: string;
  summaryItems: (total: string, lost: string, uncertain: string, migrates: string) => string;
  summarySpaces: (total: string, lost: string, uncertain: string) => string;
  summaryNothingAtRisk: string;
  summaryProfileAdvice: (email: string) => string;
  totalsHeading: string;
  totalsByVerdict: string;
  totalsByRule: string;
  verdictColumn: string;
  spacesColumn: string;
  itemsColumn: string;
  sizeColumn: string;
  ruleColumn: string;
  ruleTitleColumn: string;
  atRiskRow: string;
  totalRow: string;
  timelineHeading: string;
  timelineLabel: string;
  timelineCaption: string;
  timelineMoreSpaces: (count: string) => string;
  timelineCutoff: string;
  timelineWindow: string;
  timelineLife: string;
  timelineActivity: string;
  timelineItems: (verdict: string) => string;
  timelineSpaceVerdict: (verdict: string) => string;
  personalRow: string;
  spacesHeading: string;
  spacesGroupHeading: (verdict: string, count: string) => string;
  noSpaces: string;
  kind: string;
  verdict: string;
  rule: string;
  reason: string;
  faqQuote: string;
  itemsPerVerdict: string;
  itemCountsValue: (migrates: string, lost: string, uncertain: string) => string;
  lastActivity: string;
  noActivity: string;
  created: string;
  migrationRequest: string;
  atRiskHeading: string;
  atRiskIntro: string;
  atRiskNone: string;
  personalItems: string;
  titleColumn: string;
  typeColumn: string;
  createdColumn: string;
  moreInCsv: (count: string) => string;
  itemCount: (count: number, formatted: string) => string;
  untitled: string;
  footer: (date: string) => string;
  datesNote: (timeZone: string) => string;
  totalsByKind: string;
  atRiskItemsColumn: string;
  atRiskSizeColumn: string;
  yearsHeading: string;
  yearsIntro: (timeZone: string) => string;
  yearColumn: string;
  yearUnknown: string;
  rulesHeading: string;
  rulesIntro: string;
  changesHeading: (date: string) => string;
  changesIntro: string;
  changesNone: string;
  addedColumn: string;
  removedColumn: string;
  judgedColumn: string;
  changeColumn: string;
  beforeColumn: string;
  afterColumn: string;
  changeKinds: Record<ChangeKind, string>;
  spacesMoved: (count: string, before: string, after: string) => string;
  itemsMoved: (count: string, before: string, after: string) => string;
  changedSpacesCaption: string;
  changedItemsCaption: string;
  moreChanges: (count: string) => string;
  moreSpaceSections: (count: string) => string;
  moreRiskSpaces: (count: string) => string;
  verdicts: Record<Verdict, string>;
  verdictMeanings: Record<Verdict, string>;
  kinds: Record<SpaceKind, string>;
  migrationRequests: Record<MigrationRequest, string>;
  itemTypes: Record<ItemType, string>;
}

// Kinds and item types are the UI's own words, so the app and its reports never disagree.
const en: ReportStrings = {
  locale: 'en-GB',
  documentTitle: (name) => `What happens to the eTwinning work of ${name}`,
  heading: 'What happens to your eTwinning work',
  intro: 'eTwinning moves to the European School Education Platform (ESEP). This report lists every group, TwinSpace and personal item found on the old platform and says, for each, whether it moves to the new platform, will be lost, or is uncertain, with the FAQ sentence behind that verdict.',
  account: 'Account',
  email: 'E-mail',
  platform: 'Platform address',
  scannedAt: 'Scanned on',
  ruleSetLabel: 'Rule set',
  ruleSetValue: (version, faqUpdated) => `${version} (FAQ of ${faqUpdated})`,
  margin: 'Margin around boundary dates',
  marginValue: (days) => (days === 0 ? 'none (edge days count as they fall)' : days === 1 ? '1 day (only the boundary day itself is uncertain)' : `${days} days`),
  euLoginEmail: 'EU Login e-mail used',
  notGiven: 'not given',
  summaryHeading: 'In short',
  summaryItems: (total, lost, uncertain, migrates) => `Of ${total} items, ${lost} will be lost and ${uncertain} are uncertain: archive those before the old platform closes. ${migrates} move to the new platform.`,
  summarySpaces: (total, lost, uncertain) => `Of ${total} groups and TwinSpaces, ${lost} will be lost and ${uncertain} are uncertain.`,
  summaryNothingAtRisk: 'Nothing was found at risk: everything moves to the new platform.',
  summaryProfileAdvice: (email) => `Your profile moves only if your EU Login e-mail is ${email}: check it before you first sign in to the new platform.`,
  totalsHeading: 'Totals',
  totalsByVerdict: 'Per verdict',
  totalsByRule: 'Items per rule',
  verdictColumn: 'Verdict',
  spacesColumn: 'Groups and TwinSpaces',
  itemsColumn: 'Items',
  sizeColumn: 'Size',
  ruleColumn: 'Rule',
  ruleTitleColumn: 'What the rule says',
  atRiskRow: 'At risk (lost + uncertain)',
  totalRow: 'Total',
  timelineHeading: 'Timeline',
  timelineLabel: 'Timeline of every group and TwinSpace: activity dots and items as ticks, against the content cutoff of 1 July 2018, the migration window (1 January 2021 to 21 February 2022) and the group life (2021 and 2022).',
  timelineCaption: 'One row per group or TwinSpace. Dots are content activity, ticks are items by verdict: up = migrates, across = uncertain, down = lost. The vertical line is the content cutoff (1 July 2018); the hatched band is the migration window, the light band the years 2021 and 2022.',
  timelineMoreSpaces: (count) => `${count} more groups and TwinSpaces are not drawn; they are listed below.`,
  timelineCutoff: 'cutoff 1 Jul 2018',
  timelineWindow: 'migration window',
  timelineLife: '2021-2022',
  timelineActivity: 'activity',
  timelineItems: (verdict) => `item: ${verdict}`,
  timelineSpaceVerdict: (verdict) => `group or TwinSpace: ${verdict}`,
  personalRow: 'Your personal items',
  spacesHeading: 'Groups and TwinSpaces',
  spacesGroupHeading: (verdict, count) => `${verdict} (${count})`,
  noSpaces: 'No groups or TwinSpaces were found.',
  kind: 'Kind',
  verdict: 'Verdict',
  rule: 'Rule',
  reason: 'Why',
  faqQuote: 'The FAQ says',
  itemsPerVerdict: 'Items',
  itemCountsValue: (migrates, lost, uncertain) => `${migrates} migrate, ${lost} lost, ${uncertain} uncertain`,
  lastActivity: 'Last activity',
  noActivity: 'none',
  created: 'Created',
  migrationRequest: 'Migration request',
  atRiskHeading: 'Items at risk',
  atRiskIntro: 'Everything that will be lost or is uncertain, per group or TwinSpace and then your personal items. Archive these.',
  atRiskNone: 'No items at risk.',
  personalItems: 'Your personal items',
  titleColumn: 'Title',
  typeColumn: 'Type',
  createdColumn: 'Created',
  moreInCsv: (count) => `${count} more items at risk are not shown here; they are all in the CSV export.`,
  itemCount: (count, formatted) => (count === 1 ? '1 item' : `${formatted} items`),
  untitled: '(untitled)',
  footer: (date) => `Made by TwinArchive on ${date}. A preview based on the FAQ; the platform may still decide otherwise.`,
  datesNote: (timeZone) => `All dates are calendar dates in ${timeZone}, the time zone the rules use.`,
  totalsByKind: 'Per kind',
  atRiskItemsColumn: 'Items at risk',
  atRiskSizeColumn: 'Size at risk',
  yearsHeading: 'Items per year of creation',
  yearsIntro: (timeZone) => `Items counted by the calendar year they were made in (${timeZone}). The bars show which part is lost, uncertain or migrates.`,
  yearColumn: 'Year',
  yearUnknown: 'date unreadable',
  rulesHeading: 'The rules behind the verdicts',
  rulesIntro: 'Every rule that decided a verdict in this scan, with the FAQ sentence it rests on.',
  changesHeading: (date) => `What changed since the scan of ${date}`,
  changesIntro: 'Compared with the previous scan of this account: new activity can move a group into or out of the migration window, and items can be added or removed.',
  changesNone: 'Nothing changed.',
  addedColumn: 'Added',
  removedColumn: 'Removed',
  judgedColumn: 'Judged otherwise',
  changeColumn: 'Change',
  beforeColumn: 'Before',
  afterColumn: 'Now',
  changeKinds: { added: 'new', removed: 'gone', verdict: 'judged otherwise' },
  spacesMoved: (count, before, after) => `${count} ${count === '1' ? 'group or TwinSpace' : 'groups and TwinSpaces'} went from “${before}” to “${after}”.`,
  itemsMoved: (count, before, after) => `${count} ${count === '1' ? 'item' : 'items'} went from “${before}” to “${after}”.`,
  changedSpacesCaption: 'Groups and TwinSpaces that changed',
  changedItemsCaption: 'Items that changed',
  moreChanges: (count) => `${count} more changes are not listed here; they are all in the CSV of changes (twinarchive report --format changes-csv).`,
  moreSpaceSections: (count) => `${count} more groups and TwinSpaces are not described here; they are all in the CSV export.`,
  moreRiskSpaces: (count) => `${count} more groups and TwinSpaces with items at risk are not listed here; they are all in the CSV export.`,
  verdicts: { migrates: 'Migrates', lost: 'Lost', uncertain: 'Uncertain' },
  verdictMeanings: {
    migrates: 'the FAQ says it will be on the new platform',
    lost: 'the FAQ says it will be deleted or not migrated: archive it',
    uncertain: 'the FAQ is silent, contradicts itself, or a date sits on a boundary: archive it to be safe',
  },
  kinds: uiEn.kinds,
  migrationRequests: {
    none: 'none',
    requested: 'requested from the Central Support Service',
    confirmed: 'confirmed by the Central Support Service',
  },
  itemTypes: uiEn.itemTypes,
};

const nl: ReportStrings = {
  locale: 'nl-BE',
  documentTitle: (name) => `Wat er gebeurt met het eTwinning-werk van ${name}`,
  heading: 'Wat er gebeurt met je eTwinning-werk',
  intro: 'eTwinning verhuist naar het European School Education Platform (ESEP). Dit rapport toont elke groep, TwinSpace en elk persoonlijk item op het oude platform en zegt telkens of het naar het nieuwe platform verhuist, verloren gaat of onzeker is, met de zin uit de FAQ die dat oordeel onderbouwt.',
  account: 'Account',
  email: 'E-mailadres',
  platform: 'Adres van het platform',
  scannedAt: 'Gescand op',
  ruleSetLabel: 'Regelset',
  ruleSetValue: (version, faqUpdated) => `${version} (FAQ van ${faqUpdated})`,
  margin: 'Marge rond grensdatums',
  marginValue: (days) => (days === 0 ? 'geen (randdagen tellen zoals ze vallen)' : days === 1 ? '1 dag (alleen de grensdag zelf is onzeker)' : `${days} dagen`),
  euLoginEmail: 'Gebruikt EU Login-e-mailadres',
  notGiven: 'niet opgegeven',
  summaryHeading: 'Kort samengevat',
  summaryItems: (total, lost, uncertain, migrates) => `Van de ${total} items gaan er ${lost} verloren en zijn er ${uncertain} onzeker: archiveer die voor het oude platform sluit. ${migrates} verhuizen naar het nieuwe platform.`,
  summarySpaces: (total, lost, uncertain) => `Van de ${total} groepen en TwinSpaces gaan er ${lost} verloren en zijn er ${uncertain} onzeker.`,
  summaryNothingAtRisk: 'Er loopt niets gevaar: alles verhuist naar het nieuwe platform.',
  summaryProfileAdvice: (email) => `Je profiel verhuist alleen als je EU Login-e-mailadres ${email} is: controleer dat voor je je de eerste keer aanmeldt op het nieuwe platform.`,
  totalsHeading: 'Totalen',
  totalsByVerdict: 'Per oordeel',
  totalsByRule: 'Items per regel',
  verdictColumn: 'Oordeel',
  spacesColumn: 'Groepen en TwinSpaces',
  itemsColumn: 'Items',
  sizeColumn: 'Grootte',
  ruleColumn: 'Regel',
  ruleTitleColumn: 'Wat de regel zegt',
  atRiskRow: 'In gevaar (verloren + onzeker)',
  totalRow: 'Totaal',
  timelineHeading: 'Tijdlijn',
  timelineLabel: 'Tijdlijn van elke groep en TwinSpace: activiteit als stippen en items als streepjes, tegenover de inhoudsgrens van 1 juli 2018, het migratievenster (1 januari 2021 tot 21 februari 2022) en de groepsperiode (2021 en 2022).',
  timelineCaption: 'Eén rij per groep of TwinSpace. Stippen zijn activiteit, streepjes zijn items per oordeel: omhoog = verhuist, doorlopend = onzeker, omlaag = gaat verloren. De verticale lijn is de inhoudsgrens (1 juli 2018); de gearceerde band is het migratievenster, de lichte band de jaren 2021 en 2022.',
  timelineMoreSpaces: (count) => `Nog ${count} groepen en TwinSpaces staan niet in de tijdlijn; ze staan hieronder.`,
  timelineCutoff: 'grens 1 jul 2018',
  timelineWindow: 'migratievenster',
  timelineLife: '2021-2022',
  timelineActivity: 'activiteit',
  timelineItems: (verdict) => `item: ${verdict}`,
  timelineSpaceVerdict: (verdict) => `groep of TwinSpace: ${verdict}`,
  personalRow: 'Je persoonlijke items',
  spacesHeading: 'Groepen en TwinSpaces',
  spacesGroupHeading: (verdict, count) => `${verdict} (${count})`,
  noSpaces: 'Er werden geen groepen of TwinSpaces gevonden.',
  kind: 'Soort',
  verdict: 'Oordeel',
  rule: 'Regel',
  reason: 'Waarom',
  faqQuote: 'De FAQ zegt',
  itemsPerVerdict: 'Items',
  itemCountsValue: (migrates, lost, uncertain) => `${migrates} verhuizen, ${lost} gaan verloren, ${uncertain} onzeker`,
  lastActivity: 'Laatste activiteit',
  noActivity: 'geen',
  created: 'Aangemaakt',
  migrationRequest: 'Migratieaanvraag',
  atRiskHeading: 'Items in gevaar',
  atRiskIntro: 'Alles wat verloren gaat of onzeker is, per groep of TwinSpace en daarna je persoonlijke items. Archiveer deze.',
  atRiskNone: 'Geen items in gevaar.',
  personalItems: 'Je persoonlijke items',
  titleColumn: 'Titel',
  typeColumn: 'Soort',
  createdColumn: 'Aangemaakt',
  moreInCsv: (count) => `Nog ${count} items in gevaar staan hier niet; ze staan allemaal in de CSV-export.`,
  itemCount: (count, formatted) => (count === 1 ? '1 item' : `${formatted} items`),
  untitled: '(zonder titel)',
  footer: (date) => `Gemaakt met TwinArchive op ${date}. Een voorspelling op basis van de FAQ; het platform kan nog anders beslissen.`,
  datesNote: (timeZone) => `Alle datums zijn kalenderdatums in ${timeZone}, de tijdzone die de regels gebruiken.`,
  totalsByKind: 'Per soort',
  atRiskItemsColumn: 'Items in gevaar',
  atRiskSizeColumn: 'Grootte in gevaar',
  yearsHeading: 'Items per jaar van aanmaak',
  yearsIntro: (timeZone) => `Items geteld volgens het kalenderjaar waarin ze gemaakt zijn (${timeZone}). De balken tonen welk deel verloren gaat, onzeker is of verhuist.`,
  yearColumn: 'Jaar',
  yearUnknown: 'onleesbare datum',
  rulesHeading: 'De regels achter de oordelen',
  rulesIntro: 'Elke regel die in deze scan een oordeel bepaalde, met de zin uit de FAQ waarop hij steunt.',
  changesHeading: (date) => `Wat er veranderde sinds de scan van ${date}`,
  changesIntro: 'Vergeleken met de vorige scan van dit account: nieuwe activiteit kan een groep in of uit het migratievenster brengen, en items kunnen erbij komen of verdwijnen.',
  changesNone: 'Er veranderde niets.',
  addedColumn: 'Nieuw',
  removedColumn: 'Verdwenen',
  judgedColumn: 'Anders beoordeeld',
  changeColumn: 'Wijziging',
  beforeColumn: 'Vroeger',
  afterColumn: 'Nu',
  changeKinds: { added: 'nieuw', removed: 'verdwenen', verdict: 'anders beoordeeld' },
  spacesMoved: (count, before, after) => `${count} ${count === '1' ? 'groep of TwinSpace ging' : 'groepen en TwinSpaces gingen'} van „${before}” naar „${after}”.`,
  itemsMoved: (count, before, after) => `${count} ${count === '1' ? 'item ging' : 'items gingen'} van „${before}” naar „${after}”.`,
  changedSpacesCaption: 'Groepen en TwinSpaces die veranderden',
  changedItemsCaption: 'Items die veranderden',
  moreChanges: (count) => `Nog ${count} wijzigingen staan hier niet; ze staan allemaal in de CSV met wijzigingen (twinarchive report --format changes-csv).`,
  moreSpaceSections: (count) => `Nog ${count} groepen en TwinSpaces worden hier niet beschreven; ze staan allemaal in de CSV-export.`,
  moreRiskSpaces: (count) => `Nog ${count} groepen en TwinSpaces met items in gevaar staan hier niet; ze staan allemaal in de CSV-export.`,
  verdicts: { migrates: 'Verhuist', lost: 'Gaat verloren', uncertain: 'Onzeker' },
  verdictMeanings: {
    migrates: 'volgens de FAQ staat het op het nieuwe platform',
    lost: 'volgens de FAQ wordt het verwijderd of niet gemigreerd: archiveer het',
    uncertain: 'de FAQ zwijgt, spreekt zichzelf tegen, of een datum ligt op een grens: archiveer het voor de zekerheid',
  },
  kinds: uiNl.kinds,
  migrationRequests: {
    none: 'geen',
    requested: 'aangevraagd bij de Central Support Service',
    confirmed: 'bevestigd door de Central Support Service',
  },
  itemTypes: uiNl.itemTypes,
};

export const REPORT_STRINGS: Readonly<Record<ReportLang, ReportStrings>> = { en, nl };
