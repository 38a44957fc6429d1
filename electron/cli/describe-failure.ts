import { UnknownSpacesError } from '../core/jobs/archive-job.ts';
import { PlatformClientError } from '../core/platform-client/errors.ts';
import { EXIT_FAILED, EXIT_SIGN_IN_FAILED, EXIT_UNREACHABLE, EXIT_USAGE } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

const EXIT_BY_PLATFORM_CODE: Partial<Record<PlatformClientError['code'], number>> = {
  SIGN_IN_FAILED: EXIT_SIGN_IN_FAILED,
  COOKIES_FILE_UNUSABLE: EXIT_SIGN_IN_FAILED,
  SESSION_EXPIRED: EXIT_SIGN_IN_FAILED,
  PLATFORM_UNREACHABLE: EXIT_UNREACHABLE,
  NOT_A_PLATFORM: EXIT_UNREACHABLE,
  INVALID_PLATFORM_ADDRESS: EXIT_USAGE,
};

/** The exit code and the one sentence a person reads when a command fails. */
export function describeFailure(error: unknown): { exitCode: number; message: string } {
  if (error instanceof UsageError || error instanceof UnknownSpacesError) return { exitCode: EXIT_USAGE, message: error.message };
  if (error instanceof PlatformClientError) {
    return { exitCode: EXIT_BY_PLATFORM_CODE[error.code] ?? EXIT_FAILED, message: error.message };
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') {
    return { exitCode: EXIT_FAILED, message: 'The disk is full: free some space, then run the same command again to carry on where it stopped.' };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const where = (error as NodeJS.ErrnoException).path;
    return { exitCode: EXIT_FAILED, message: `TwinArchive may not write to ${where ?? 'that folder'}: choose another folder or fix its permissions.` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILED, message: message.length > 0 ? message : 'Something went wrong: run the command again.' };
}
