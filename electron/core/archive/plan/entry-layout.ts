import type { ItemType } from '../../../../shared/model.ts';

/** The folder of the ZIP each kind of item goes into: readable, and stable across versions. */
export const TYPE_FOLDERS: Record<ItemType, string> = {
  page: 'Pages',
  'forum-thread': 'Forum',
  'forum-post': 'Forum',
  'journal-entry': 'Journal',
  material: 'Materials',
  comment: 'Comments',
  profile: 'Profile',
  'profile-photo': 'Profile',
  photo: 'Photos',
  contact: 'Contacts',
  follower: 'Contacts',
  'portfolio-activity': 'Portfolio',
  event: 'Events',
  message: 'Messages',
  project: 'Projects',
};

export const TYPE_ORDER: readonly ItemType[] = [
  'page', 'forum-thread', 'forum-post', 'journal-entry', 'comment', 'material',
  'profile', 'profile-photo', 'portfolio-activity', 'photo', 'message', 'event', 'project', 'contact', 'follower',
];

export const ORIGINALS_FOLDER = 'Originals';
export const INDEX_ENTRY = 'index.html';
export const MANIFEST_ENTRY = 'manifest.json';

/** Formats that gain nothing from deflate: stored as they are. */
const STORED_MEDIA = /^(image\/(jpeg|png|gif|webp|avif|heic|heif)|video\/|audio\/(mpeg|mp4|aac|ogg|opus|webm)|application\/(zip|x-zip-compressed|pdf|gzip|x-gzip|x-7z-compressed|x-rar-compressed|vnd\.rar|x-bzip2|x-xz|zstd|epub\+zip|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.oasis\.opendocument\.[a-z.]+))$/i;
const STORED_EXTENSIONS = /\.(jpe?g|png|gif|webp|avif|heic|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|opus|zip|7z|rar|gz|tgz|bz2|xz|zst|pdf|docx|xlsx|pptx|odt|ods|odp|epub)$/i;

export function shouldCompress(mediaType: string, fileName: string): boolean {
  return !STORED_MEDIA.test(mediaType.trim()) && !STORED_EXTENSIONS.test(fileName);
}
