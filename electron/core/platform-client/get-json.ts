import type { z } from 'zod';
import { getText } from './get-text.ts';
import { readJsonAnswer } from './read-answer.ts';
import type { Attempt, RequestContext } from './request-context.ts';

/** JSON pages are small; a bigger answer is not one of the platform's. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** A GET of a JSON call, validated with its schema. */
export async function getJson<T>(
  context: RequestContext,
  url: URL,
  call: string,
  schema: z.ZodType<T>,
): Promise<Attempt<T>> {
  const answer = await getText(context, url, {
    call,
    accept: 'application/json',
    maxBytes: MAX_JSON_BYTES,
  });
  if (answer.kind === 'unauthorized') return answer;
  return { kind: 'done', value: readJsonAnswer(answer.value, schema, context.http.origin, call) };
}
