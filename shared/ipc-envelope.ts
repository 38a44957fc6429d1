import { z } from 'zod';
import { CallErrorSchema, type CallName } from './contract.ts';

/**
 * How the contract travels over Electron IPC. The main process and the preload both import
 * this file, so the channel names and the answer's shape cannot drift apart.
 */

/** The IPC channel of one contract call. */
export function callChannel(name: CallName): string {
  return `twinarchive:${name}`;
}

/** The one channel the main process pushes core events on. */
export const EVENT_CHANNEL = 'twinarchive:event';

/**
 * What every call answers. A failure travels as a value, not a thrown error: Electron would
 * prefix a thrown message with "Error invoking remote method …", which is not a sentence for
 * people, and would drop its code.
 */
export const CallEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: CallErrorSchema.shape.error, code: CallErrorSchema.shape.code }),
]);
export type CallEnvelope = z.infer<typeof CallEnvelopeSchema>;
