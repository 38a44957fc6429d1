import type { Response } from 'got';
import { ContentTooLargeError } from './errors.ts';
import { fromRequestError, fromStatus } from './error-mapping.ts';
import { cookieHeaderSent, type Attempt, type RequestContext } from './request-context.ts';

export interface TextAnswer {
  body: string;
  /** Lower case, without parameters; empty when the answer named none. */
  mediaType: string;
}

export interface GetTextOptions {
  /** Like `GET /api/spaces`, for messages. */
  call: string;
  accept: string;
  maxBytes: number;
}

/**
 * A GET whose whole body is wanted (JSON pages, HTML bodies), retried by got as the client is
 * set up to, read up to `maxBytes`. A 200 is the answer, a 401 asks for a new session, and any
 * other status becomes our error.
 */
export async function getText(context: RequestContext, url: URL, options: GetTextOptions): Promise<Attempt<TextAnswer>> {
  const { http, limiter, signal } = context;
  const { call, maxBytes } = options;
  let tooLarge = false;
  let response: Response<string>;
  try {
    response = await limiter.run(async () => {
      const request = http.got.get(url, {
        responseType: 'text',
        throwHttpErrors: false,
        headers: { accept: options.accept },
        signal,
      });
      request.on('downloadProgress', (progress) => {
        if (progress.transferred > maxBytes || (progress.total ?? 0) > maxBytes) {
          tooLarge = true;
          request.cancel();
        }
      });
      return await request;
    }, signal);
  } catch (error) {
    if (tooLarge && !signal.aborted) throw new ContentTooLargeError(http.origin.origin, call, maxBytes);
    throw fromRequestError(error, http.origin, call, signal);
  }
  const { statusCode } = response;
  if (statusCode === 401) {
    return { kind: 'unauthorized', url, sentCookie: cookieHeaderSent(response.request.options.headers) };
  }
  if (statusCode !== 200) throw fromStatus(statusCode, http.origin, call, response.headers.location);
  const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return { kind: 'done', value: { body: response.body, mediaType } };
}
