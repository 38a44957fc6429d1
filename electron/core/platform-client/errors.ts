/**
 * What can go wrong when talking to the platform. Every message is one sentence a person can act
 * on. Messages and `detail` never hold a password or a cookie value, and the underlying got error
 * is not attached as `cause` because its options carry the cookie header and the login form.
 */

export type PlatformErrorCode =
  | 'SIGN_IN_FAILED'
  | 'COOKIES_FILE_UNUSABLE'
  | 'PLATFORM_UNREACHABLE'
  | 'NOT_A_PLATFORM'
  | 'SESSION_EXPIRED'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'PLATFORM_SERVER_ERROR'
  | 'CONTENT_TOO_LARGE'
  | 'RANGE_NOT_SATISFIABLE'
  | 'INVALID_PLATFORM_ADDRESS'
  | 'OFF_PLATFORM_LINK'
  | 'ABORTED';

export abstract class PlatformClientError extends Error {
  abstract readonly code: PlatformErrorCode;
  /** A short technical hint for support (an error code, an HTTP status), never a secret. */
  readonly detail: string | null;

  constructor(message: string, detail: string | null = null) {
    super(message);
    this.name = new.target.name;
    this.detail = detail;
  }
}

export type SignInFailure = 'wrong-login' | 'cookies-expired' | 'session-not-kept';

export class SignInFailedError extends PlatformClientError {
  readonly code = 'SIGN_IN_FAILED';
  readonly reason: SignInFailure;

  constructor(origin: string, reason: SignInFailure) {
    super(SIGN_IN_MESSAGES[reason](origin), reason);
    this.reason = reason;
  }
}

const SIGN_IN_MESSAGES: Record<SignInFailure, (origin: string) => string> = {
  'wrong-login': (origin) =>
    `The platform at ${origin} did not accept this login and password: check them and try again.`,
  'cookies-expired': (origin) =>
    `The cookies from the file are no longer valid on ${origin}: sign in to the platform in your browser, export its cookies again and retry.`,
  'session-not-kept': (origin) =>
    `The platform at ${origin} accepted the sign-in but did not keep the session: try again, or sign in with a cookies file instead.`,
};

export type CookiesFileProblem = 'no-cookies' | 'no-cookies-for-host' | 'all-expired';

export class CookiesFileError extends PlatformClientError {
  readonly code = 'COOKIES_FILE_UNUSABLE';
  readonly problem: CookiesFileProblem;

  constructor(host: string, problem: CookiesFileProblem) {
    super(COOKIES_FILE_MESSAGES[problem](host), problem);
    this.problem = problem;
  }
}

const COOKIES_FILE_MESSAGES: Record<CookiesFileProblem, (host: string) => string> = {
  'no-cookies': () =>
    'The cookies file holds no cookies in the Netscape cookies.txt format: export the cookies again from your browser with a cookies.txt extension.',
  'no-cookies-for-host': (host) =>
    `The cookies file holds no cookies for ${host}: export them from a browser that is signed in to that platform.`,
  'all-expired': (host) =>
    `The cookies for ${host} in this file have expired: sign in to the platform in your browser and export them again.`,
};

export type UnreachableReason =
  | 'refused'
  | 'name-not-found'
  | 'timeout'
  | 'connection-broken'
  | 'download-interrupted'
  | 'other';

export class PlatformUnreachableError extends PlatformClientError {
  readonly code = 'PLATFORM_UNREACHABLE';
  readonly reason: UnreachableReason;

  constructor(origin: string, reason: UnreachableReason, detail: string | null = null) {
    super(UNREACHABLE_MESSAGES[reason](origin), detail);
    this.reason = reason;
  }
}

const UNREACHABLE_MESSAGES: Record<UnreachableReason, (origin: string) => string> = {
  refused: (origin) => `Could not reach ${origin}: check the address and your internet connection.`,
  'name-not-found': (origin) => `Could not reach ${origin}: check the address and your internet connection.`,
  other: (origin) => `Could not reach ${origin}: check the address and your internet connection.`,
  timeout: (origin) =>
    `${origin} did not answer in time, even after several tries: check your internet connection and try again later.`,
  'connection-broken': (origin) =>
    `The connection to ${origin} kept breaking off, even after several tries: check your internet connection and try again.`,
  'download-interrupted': (origin) =>
    `The download from ${origin} stopped before the end of the file: try again to resume it where it stopped.`,
};

export type NotAPlatformSign =
  | 'web-page'
  | 'not-json'
  | 'unexpected-data'
  | 'unexpected-status'
  | 'redirected-elsewhere'
  | 'not-http'
  | 'repeating-pages'
  | 'missing-header';

export class NotAPlatformError extends PlatformClientError {
  readonly code = 'NOT_A_PLATFORM';
  readonly sign: NotAPlatformSign;
  /** The call whose answer was wrong, like `GET /api/spaces`. */
  readonly call: string;

  constructor(origin: string, call: string, sign: NotAPlatformSign, detail: string | null = null) {
    super(
      `The answer of ${origin} to ${call} is not what the eTwinning platform sends (${NOT_A_PLATFORM_SIGNS[sign]}): check that the address is the platform's.`,
      detail,
    );
    this.sign = sign;
    this.call = call;
  }
}

const NOT_A_PLATFORM_SIGNS: Record<NotAPlatformSign, string> = {
  'web-page': 'a web page instead of data',
  'not-json': 'data that cannot be read',
  'unexpected-data': 'data of another shape',
  'unexpected-status': 'an unexpected status',
  'redirected-elsewhere': 'a redirect to another site, which was not followed',
  'not-http': 'not a web answer at all',
  'repeating-pages': 'the same page again and again',
  'missing-header': 'a file answer without its size',
};

export class SessionExpiredError extends PlatformClientError {
  readonly code = 'SESSION_EXPIRED';

  constructor(origin: string, detail: string | null = null) {
    super(`Your session on ${origin} has ended and could not be renewed: sign in again to continue.`, detail);
  }
}

export class AccessDeniedError extends PlatformClientError {
  readonly code = 'ACCESS_DENIED';
  readonly call: string;

  constructor(origin: string, call: string) {
    super(
      `The platform at ${origin} refused ${call} to this account: sign in with an account that is a member of that space.`,
      'HTTP 403',
    );
    this.call = call;
  }
}

export class NotFoundError extends PlatformClientError {
  readonly code = 'NOT_FOUND';
  readonly call: string;

  constructor(origin: string, call: string) {
    super(
      `The platform at ${origin} has nothing at ${call}: it may have been deleted since the list was made, so list the spaces again.`,
      'HTTP 404',
    );
    this.call = call;
  }
}

export class PlatformServerError extends PlatformClientError {
  readonly code = 'PLATFORM_SERVER_ERROR';
  readonly status: number;

  constructor(origin: string, status: number) {
    super(
      status === 429
        ? `The platform at ${origin} is too busy to answer, even after several tries: try again later.`
        : `The platform at ${origin} kept failing (HTTP ${status}), even after several tries: try again later.`,
      `HTTP ${status}`,
    );
    this.status = status;
  }
}

export class ContentTooLargeError extends PlatformClientError {
  readonly code = 'CONTENT_TOO_LARGE';
  readonly call: string;

  constructor(origin: string, call: string, limitBytes: number) {
    super(
      `The answer of ${origin} to ${call} is larger than ${formatMegabytes(limitBytes)}, so it was not read: save that page from your browser instead.`,
      `limit ${limitBytes} bytes`,
    );
    this.call = call;
  }
}

export class RangeNotSatisfiableError extends PlatformClientError {
  readonly code = 'RANGE_NOT_SATISFIABLE';
  readonly call: string;

  constructor(origin: string, call: string) {
    super(
      `The platform at ${origin} cannot resume ${call} where it stopped (the file has changed or is shorter): download it again from the start.`,
      'HTTP 416',
    );
    this.call = call;
  }
}

export class InvalidPlatformAddressError extends PlatformClientError {
  readonly code = 'INVALID_PLATFORM_ADDRESS';

  constructor() {
    // The input is not repeated: a pasted address may carry a user name and password.
    super(
      'The platform address is not a web address starting with http:// or https://: enter it like https://live.etwinning.net.',
    );
  }
}

export class OffPlatformLinkError extends PlatformClientError {
  readonly code = 'OFF_PLATFORM_LINK';

  constructor(origin: string, link: string) {
    super(
      `The link ${shorten(link)} does not lead to a page of ${origin}, so it was not opened with your session: archive it by hand if you need it.`,
    );
  }
}

export class AbortedError extends PlatformClientError {
  readonly code = 'ABORTED';

  constructor() {
    super('The work with the platform was cancelled: start it again to continue.');
    // The conventional name, so code that checks `error.name === 'AbortError'` recognises it.
    this.name = 'AbortError';
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
