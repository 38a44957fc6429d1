import { z } from 'zod';
import type { CallErrorSchema } from '../../../shared/contract.ts';
import { UnknownSpacesError } from '../jobs/archive-job.ts';
import { NewerLibraryError } from '../library/migrations/index.ts';
import { PlatformClientError } from '../platform-client/errors.ts';

/** What a transport sends back for a failed call: `{ error, code }`. */
export type CallError = z.infer<typeof CallErrorSchema>;

/** Codes of failures the service itself decides; platform failures keep their own codes. */
export type AppErrorCode =
  | 'UNKNOWN_CALL'
  | 'INVALID_ARGS'
  | 'NOT_CONNECTED'
  | 'NO_SCAN'
  | 'JOB_RUNNING'
  | 'NOT_NOW'
  | 'ALREADY_ADDED'
  | 'NEEDS_SIGN_IN'
  | 'WRONG_ACCOUNT'
  | 'NOT_FOUND'
  | 'NOT_ARCHIVED'
  | 'ARCHIVE_MISSING'
  | 'NOT_AVAILABLE'
  | 'SIGN_IN_CANCELLED'
  | 'PATH_NOT_ALLOWED'
  | 'UNKNOWN_SPACES'
  | 'LIBRARY_TOO_NEW'
  | 'DISK_FULL'
  | 'NO_PERMISSION'
  | 'CLOSED'
  | 'INTERNAL'
  | 'FAILED';

/** A failure with the one sentence a person reads: what happened and what to do. */
export class AppCallError extends Error {
  override readonly name = 'AppCallError';
  readonly code: string;

  constructor(message: string, code: AppErrorCode | PlatformClientError['code']) {
    super(message);
    this.code = code;
  }

  toJSON(): CallError {
    return { error: this.message, code: this.code };
  }
}

const UNEXPECTED = 'TwinArchive ran into an unexpected problem: try again, and if it happens again, restart the app.';
/** Errors that mean a bug in our code: their messages are for developers, not for people. */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'ZodError', '$ZodError']);
const MAX_MESSAGE = 400;

/**
 * Turns anything thrown by the core into an AppCallError. Platform errors are already written
 * for people and never hold a secret; file-system errors are named by what to do; a bug gets a
 * plain apology instead of its stack or message.
 */
export function toAppCallError(error: unknown): AppCallError {
  if (error instanceof AppCallError) return error;
  if (error instanceof PlatformClientError) return new AppCallError(error.message, error.code);
  if (error instanceof UnknownSpacesError) {
    return new AppCallError('Some of the chosen spaces are no longer on the platform: scan again and choose from the spaces listed.', 'UNKNOWN_SPACES');
  }
  if (error instanceof NewerLibraryError) return new AppCallError(error.message, 'LIBRARY_TOO_NEW');
  if (error instanceof z.ZodError) return new AppCallError(UNEXPECTED, 'INTERNAL');
  const errno = error as NodeJS.ErrnoException | null;
  switch (errno?.code) {
    case 'ENOSPC':
      return new AppCallError('The disk is full: free some space, then try again to carry on where it stopped.', 'DISK_FULL');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppCallError(`TwinArchive may not write to ${errno.path ?? 'that folder'}: choose another folder or fix its permissions.`, 'NO_PERMISSION');
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppCallError('The library is busy with another TwinArchive: close it, then try again.', 'FAILED');
    default:
      break;
  }
  if (!(error instanceof Error) || PROGRAMMING_ERRORS.has(error.name)) return new AppCallError(UNEXPECTED, 'INTERNAL');
  return new AppCallError(oneSentence(error.message), 'FAILED');
}

/** The `{ error, code }` a transport answers with. */
export function toCallError(error: unknown): CallError {
  return toAppCallError(error).toJSON();
}

/** The first line only (never a stack), bounded, and ending like a sentence. */
function oneSentence(message: string): string {
  const line = message.split(/\r?\n/)[0]?.trim() ?? '';
  if (line === '') return UNEXPECTED;
  const bounded = line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
  return /[.!?…]$/.test(bounded) ? bounded : `${bounded}.`;
}

/** The first problem zod found, as one sentence naming the field. */
export function describeInvalidArgs(call: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const what = (issue?.message ?? 'not valid').replace(/[.\s]+$/, '');
  return `The arguments of ${call} are not valid (${where}${what}): check what was sent.`;
}
