import { setMaxListeners } from 'node:events';
import type { z } from 'zod';
import {
  ActivityPageSchema,
  ItemsPageSchema,
  MeSchema,
  SpacesPageSchema,
  contentPath,
  type ActivityEntry,
  type ItemMetadata,
  type Me,
  type SpaceSummary,
} from '../../../shared/platform-api.ts';
import { anySignal } from './abort.ts';
import { createConcurrencyLimiter, type ConcurrencyLimiter } from './concurrency-limiter.ts';
import { AbortedError, PlatformClientError } from './errors.ts';
import { fromRequestError } from './error-mapping.ts';
import { followCursors, type Page } from './follow-cursors.ts';
import { getJson } from './get-json.ts';
import { getText } from './get-text.ts';
import { createHttpClient } from './http-client.ts';
import { openFileAttempt, type OpenFileOptions, type OpenedFile } from './open-file.ts';
import { platformOrigin, resolvePlatformPath } from './platform-address.ts';
import { readHtmlAnswer } from './read-answer.ts';
import type { RequestContext } from './request-context.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { createSession } from './session.ts';
import { ME_PATH, signInWith, type Credentials } from './sign-in.ts';

export type { Credentials } from './sign-in.ts';
export type { OpenFileOptions, OpenedFile } from './open-file.ts';

export const DEFAULT_CONCURRENCY = 4;
/** Item bodies are HTML pages; anything bigger is not one. */
export const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

export interface PlatformClientOptions {
  /** The platform's address; only its origin is used. */
  baseUrl: string;
  credentials: Credentials;
  /** Requests in flight at once, downloads included (default 4). */
  concurrency?: number;
  /**
   * Slots shared with other clients (one politeness limit per host for many accounts at once);
   * `concurrency` is then ignored. While one client renews its session, the others' waiting
   * requests are held too: a sign-in is short, and the host that is slow to sign one in is
   * slow for all of them anyway.
   */
  limiter?: ConcurrencyLimiter;
  /** Cancels every request of this client. */
  signal?: AbortSignal;
  /**
   * Asked for credentials when the session ends mid-run (the app asks the person); null gives
   * up with SessionExpiredError. Default: the password credentials again, or give up for cookies.
   */
  onReauthenticate?: () => Promise<Credentials | null>;
  /** Tuning of retries; the defaults suit the real platform. */
  retryPolicy?: RetryPolicy;
}

export interface PlatformClient {
  signIn(): Promise<Me>;
  me(): Promise<Me>;
  listSpaces(): AsyncIterable<SpaceSummary>;
  listActivity(spaceId: string): AsyncIterable<ActivityEntry>;
  listSpaceItems(spaceId: string): AsyncIterable<ItemMetadata>;
  listPersonalItems(): AsyncIterable<ItemMetadata>;
  /** The item's HTML body, at most MAX_CONTENT_BYTES. */
  fetchContent(itemId: string, options?: { signal?: AbortSignal }): Promise<string>;
  /** Opens a same-origin path (like `item.url`) as a stream; see OpenFileOptions. */
  openFile(path: string, options?: OpenFileOptions): Promise<OpenedFile>;
  /** Ends the session on the platform and forgets its cookies. */
  signOut(): Promise<void>;
  /** Cancels what is running, closes connections and forgets cookies. */
  close(): Promise<void>;
}

/**
 * The legacy platform over HTTP (SPEC.md, "HTTP interface"): every answer validated with the
 * shared schemas, every request bounded by one limiter, and the session renewed on 401.
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const origin = platformOrigin(options.baseUrl);
  const http = createHttpClient({ origin, retryPolicy: options.retryPolicy });
  const limiter = options.limiter ?? createConcurrencyLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const lifetime = new AbortController();
  // Every request and every waiting one listens on this signal.
  setMaxListeners(0, lifetime.signal);
  const external = options.signal;
  const onExternalAbort = () => lifetime.abort(new AbortedError());
  if (external?.aborted) onExternalAbort();
  else external?.addEventListener('abort', onExternalAbort, { once: true });

  const context: RequestContext = { http, limiter, signal: lifetime.signal };
  const session = createSession({
    origin,
    credentials: options.credentials,
    onReauthenticate: options.onReauthenticate,
    signInWith: (credentials) => signInWith({ ...context, limiter: limiter.priority }, credentials),
    cookieHeaderFor: (url) => http.cookieHeaderFor(url),
    holdRequests: () => limiter.pause(),
  });

  const getPage = <P>(path: string, call: string, schema: z.ZodType<P>, cursor: string | null): Promise<P> => {
    const url = resolvePlatformPath(origin, path);
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    return session.call(() => getJson(context, url, call, schema));
  };

  function listing<P, T>(path: string, schema: z.ZodType<P>, toPage: (page: P) => Page<T>): AsyncIterable<T> {
    const call = `GET ${path}`;
    return {
      [Symbol.asyncIterator]: () =>
        followCursors(async (cursor) => toPage(await getPage(path, call, schema, cursor)), origin, call),
    };
  }

  const spacePath = (spaceId: string, what: 'activity' | 'items') => `/api/spaces/${encodeURIComponent(spaceId)}/${what}`;

  return {
    signIn: () => session.signIn(),

    me: () => session.call(() => getJson(context, resolvePlatformPath(origin, ME_PATH), `GET ${ME_PATH}`, MeSchema)),

    listSpaces: () => listing('/api/spaces', SpacesPageSchema, (page) => ({ entries: page.spaces, next: page.next })),
    listActivity: (spaceId) =>
      listing(spacePath(spaceId, 'activity'), ActivityPageSchema, (page) => ({ entries: page.activity, next: page.next })),
    listSpaceItems: (spaceId) =>
      listing(spacePath(spaceId, 'items'), ItemsPageSchema, (page) => ({ entries: page.items, next: page.next })),
    listPersonalItems: () => listing('/api/me/items', ItemsPageSchema, (page) => ({ entries: page.items, next: page.next })),

    async fetchContent(itemId, callOptions) {
      const path = contentPath(itemId);
      const url = resolvePlatformPath(origin, path);
      const call = `GET ${path}`;
      const signal = anySignal([lifetime.signal, callOptions?.signal]);
      const answer = await session.call(() =>
        getText({ ...context, signal }, url, { call, accept: 'text/html', maxBytes: MAX_CONTENT_BYTES }),
      );
      return readHtmlAnswer(answer, origin, call);
    },

    async openFile(path, fileOptions = {}) {
      const url = resolvePlatformPath(origin, path);
      const signal = anySignal([lifetime.signal, fileOptions.signal]);
      return await session.call(() => openFileAttempt(context, url, `GET ${url.pathname}`, fileOptions, signal));
    },

    async signOut() {
      session.end();
      const url = resolvePlatformPath(origin, '/logout');
      try {
        await limiter.run(
          async () => await http.got.post(url, { throwHttpErrors: false, followRedirect: false, signal: lifetime.signal }),
          lifetime.signal,
        );
      } catch (error) {
        const mapped = fromRequestError(error, origin, 'POST /logout', lifetime.signal);
        // Signing out of a platform that cannot be reached still forgets the session here.
        if (!(mapped instanceof PlatformClientError) || mapped.code === 'ABORTED') throw mapped;
      } finally {
        http.cookieJar.removeAllCookiesSync();
      }
    },

    async close() {
      external?.removeEventListener('abort', onExternalAbort);
      if (!lifetime.signal.aborted) lifetime.abort(new AbortedError());
      http.cookieJar.removeAllCookiesSync();
      http.destroy();
    },
  };
}
