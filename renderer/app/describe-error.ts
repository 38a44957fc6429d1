import { CallFailedError } from '../../shared/contract.ts';
import type { Strings } from '../../shared/i18n/strings.ts';
import { TRANSPORT_CODES } from '../dev-bridge-transport.ts';

/** The one sentence to show for a failed call: the core's own sentence, or ours for transport trouble. */
export function describeError(error: unknown, t: Strings): string {
  if (error instanceof CallFailedError) {
    switch (error.code) {
      case TRANSPORT_CODES.unreachable: return t.errors.unreachable;
      case TRANSPORT_CODES.badAnswer: return t.errors.badAnswer;
      case TRANSPORT_CODES.noToken: return t.errors.noToken;
      default: return error.message;
    }
  }
  // The contract's schemas rejected an answer: the two ends disagree, which a restart may fix.
  if (error instanceof Error && error.name === 'ZodError') return t.errors.badAnswer;
  // A bug: say so plainly rather than pretend it was the user's doing.
  const detail = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
  return t.errors.unexpected(detail.slice(0, 200));
}
