/** The HTTP status of a failed call, by its code; the body carries the sentence either way. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  INVALID_ARGS: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  PATH_NOT_ALLOWED: 403,
  UNKNOWN_CALL: 404,
  NOT_FOUND: 404,
  NOT_ARCHIVED: 404,
  JOB_RUNNING: 409,
  NOT_CONNECTED: 409,
  NO_SCAN: 409,
  SIGN_IN_CANCELLED: 409,
  INTERNAL: 500,
  NOT_AVAILABLE: 501,
  PLATFORM_UNREACHABLE: 502,
  PLATFORM_SERVER_ERROR: 502,
  NOT_A_PLATFORM: 502,
  CLOSED: 503,
};

export function httpStatusOf(code: string | null): number {
  return (code === null ? undefined : STATUS_BY_CODE[code]) ?? 422;
}
