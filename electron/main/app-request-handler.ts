import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mediaTypeOf, resolveAppFile } from './app-files.ts';
import { uiResponseHeaders } from './content-security-policy.ts';

/**
 * Answers app:// requests from the built UI in `rootDir`, and nothing else: no file outside it,
 * no other host, no method but GET and HEAD. A missing path without an extension gets the UI's
 * index.html, so a reload on a client-side route still opens the app. Every answer carries
 * the CSP.
 */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppFile(request.url, rootDir);
    if (file === null) return plain(404, 'Not found');
    const found = (await readIfFile(file)) ?? (path.extname(file) === '' ? await readIfFile(path.join(rootDir, 'index.html')) : null);
    if (found === null) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.bytes), {
      status: 200,
      headers: uiResponseHeaders(mediaTypeOf(found.file)),
    });
  };
}

async function readIfFile(file: string): Promise<{ file: string; bytes: Buffer } | null> {
  try {
    return { file, bytes: await readFile(file) };
  } catch {
    return null;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: uiResponseHeaders('text/plain; charset=utf-8') });
}
