import type { FileContent } from '../../electron/core/sample-platform/snapshot-schema.ts';
import type { Rng } from './prng.ts';
import type { TextLang } from './texts.ts';

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  csv: 'text/csv',
  txt: 'text/plain',
  zip: 'application/zip',
  exe: 'application/x-msdownload',
};

/** Generated file sizes in bytes, [smallest, largest], drawn log-uniformly. */
const SIZE_RANGES: Record<string, readonly [number, number]> = {
  'image/jpeg': [12_000, 80_000],
  'image/png': [5_000, 50_000],
  'image/gif': [4_000, 30_000],
  'application/pdf': [15_000, 100_000],
  'audio/mpeg': [60_000, 140_000],
  'video/mp4': [150_000, 300_000],
  'text/plain': [2_048, 6_000],
  'text/csv': [2_048, 8_000],
};
const DEFAULT_SIZE_RANGE = [8_000, 45_000] as const;

export function extensionOf(name: string): string {
  const trimmed = name.replace(/[. ]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? '' : trimmed.slice(dot + 1).toLowerCase();
}

export function mediaTypeFor(name: string): string {
  return MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

export function isImage(mediaType: string): boolean {
  return mediaType.startsWith('image/');
}

export function generatedContent(rng: Rng, seed: string, mediaType: string, size?: number): FileContent {
  const [smallest, largest] = SIZE_RANGES[mediaType] ?? DEFAULT_SIZE_RANGE;
  const drawn = Math.round(smallest * (largest / smallest) ** rng.next());
  return { kind: 'generated', seed, size: size ?? drawn };
}

/** Everyday attachment names; `{n}` is a small number, `{stamp}` the upload time as a camera writes it. */
export const FILE_NAMES: Record<TextLang, readonly string[]> = {
  nl: [
    'werkblad.pdf', 'werkblad-{n}.pdf', 'presentatie.pptx', 'foto-{n}.jpg', 'IMG_{stamp}.jpg',
    'lesvoorbereiding.docx', 'planning.xlsx', 'affiche.png', 'evaluatieformulier.pdf',
    'interview leerlingen.mp3', 'toestemmingsformulier ouders.pdf', 'klasfoto.jpg',
    'resultaten.xlsx', 'logowedstrijd.png', 'woordenlijst.docx', 'afbeelding.png',
  ],
  en: [
    'worksheet.pdf', 'slides.pptx', 'photo-{n}.jpg', 'IMG_{stamp}.jpg', 'lesson-plan.docx',
    'timeline.xlsx', 'poster.png', 'certificate.pdf', 'podcast-episode-{n}.mp3',
    'survey-results.xlsx', 'group-photo.jpg', 'logo-entry.png', 'glossary.docx',
    'Screenshot {n}.png', 'image.png', 'handout.pdf',
  ],
};
