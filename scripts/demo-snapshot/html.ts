import type { SnapshotItem } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { isImage } from './files.ts';
import { ATTACHMENTS_HEADING, SEE_ALSO, type TextLang } from './texts.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

/** The platform's URL of an item's file: its name, URI-encoded, exactly as stored. */
export function fileUrl(item: SnapshotItem): string {
  if (!item.file) throw new Error(`${item.id} has no file`);
  return `/files/${item.id}/${encodeURIComponent(item.file.name)}`;
}

export function contentUrl(item: SnapshotItem): string {
  return `/content/${item.id}`;
}

export function fileLink(item: SnapshotItem): string {
  return `<a href="${fileUrl(item)}">${escapeHtml(item.file?.name ?? item.title)}</a>`;
}

export function contentLink(item: SnapshotItem): string {
  return `<a href="${contentUrl(item)}">${escapeHtml(item.title)}</a>`;
}

export function imageTag(item: SnapshotItem): string {
  return `<img src="${fileUrl(item)}" alt="${escapeHtml(item.title)}" width="480">`;
}

/** Images shown inline, other files listed, as the platform's editor rendered attachments. */
export function attachmentsBlock(files: readonly SnapshotItem[], lang: TextLang): string {
  if (files.length === 0) return '';
  const images = files.filter((file) => file.file && isImage(file.file.mediaType));
  const others = files.filter((file) => !images.includes(file));
  const shown = images.map((image) => `<p>${imageTag(image)}</p>`).join('');
  const listed = others.length === 0 ? ''
    : `<h3>${ATTACHMENTS_HEADING[lang]}</h3><ul>${others.map((file) => `<li>${fileLink(file)}</li>`).join('')}</ul>`;
  return shown + listed;
}

export function seeAlso(item: SnapshotItem, lang: TextLang): string {
  return `<p>${SEE_ALSO[lang]}: ${contentLink(item)}</p>`;
}

export function youtubeEmbed(videoId: string, title: string, host = 'www.youtube.com'): string {
  return `<iframe width="560" height="315" src="https://${host}/embed/${videoId}" title="${escapeHtml(title)}" `
    + 'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>';
}

export function vimeoEmbed(videoId: string): string {
  return `<iframe src="https://player.vimeo.com/video/${videoId}" width="640" height="360" frameborder="0" `
    + 'allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>';
}
