import type { z } from 'zod';
import { NotAPlatformError } from './errors.ts';
import type { TextAnswer } from './get-text.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Reads a JSON answer through its schema; anything else is a sign this is not the platform. */
export function readJsonAnswer<T>(answer: TextAnswer, schema: z.ZodType<T>, origin: URL, call: string): T {
  if (HTML_TYPES.has(answer.mediaType)) throw new NotAPlatformError(origin.origin, call, 'web-page', answer.mediaType);
  let data: unknown;
  try {
    data = JSON.parse(answer.body);
  } catch {
    const looksLikeHtml = answer.body.trimStart().startsWith('<');
    throw new NotAPlatformError(origin.origin, call, looksLikeHtml ? 'web-page' : 'not-json', answer.mediaType || null);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Only the place of the first mismatch: values could be personal data.
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new NotAPlatformError(origin.origin, call, 'unexpected-data', where === '' ? null : `at ${where}`);
  }
  return parsed.data;
}

/** Refuses a JSON answer where an HTML body was asked for (an error object would be archived). */
export function readHtmlAnswer(answer: TextAnswer, origin: URL, call: string): string {
  if (answer.mediaType.includes('json')) {
    throw new NotAPlatformError(origin.origin, call, 'unexpected-data', answer.mediaType);
  }
  return answer.body;
}
