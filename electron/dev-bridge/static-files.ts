import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mediaTypeOf } from '../core/app/media-type.ts';

/** The renderer's policy: nothing but its own scripts, and archived pages only in frames. */
export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export type StaticTarget = { file: string; size: number } | { refused: 400 | 403 | 404 };

function isInside(root: string, target: string): boolean {
  return target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The file a request path names inside `root`, or why not. Decoded once; `..`, `.`, dot files,
 * backslashes and NUL are refused whatever their encoding, and a link out of root is not followed.
 */
export async function findStaticFile(root: string, rawPath: string): Promise<StaticTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { refused: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return { refused: 400 };
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) return { refused: 403 };
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded.slice(1)}index.html` : decoded.slice(1);
  const base = path.resolve(root);
  const target = path.resolve(base, ...relative.split('/'));
  if (!isInside(base, target)) return { refused: 403 };
  const real = await realpath(target).catch(() => null);
  const realBase = await realpath(base).catch(() => base);
  if (real === null) return { refused: 404 };
  if (!isInside(realBase, real)) return { refused: 403 };
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? { file: real, size: info.size } : { refused: 404 };
}

export async function sendStaticFile(res: ServerResponse, target: { file: string; size: number }, headOnly: boolean): Promise<void> {
  const type = mediaTypeOf(target.file);
  const html = type.startsWith('text/html');
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': target.size,
    'Cache-Control': html ? 'no-store' : 'no-cache',
    ...(html ? { 'Content-Security-Policy': UI_CSP } : {}),
  });
  if (headOnly) {
    res.end();
    return;
  }
  await pipeline(createReadStream(target.file), res);
}
