import type { z } from 'zod';
import { CALL_NAMES, CONTRACT, type CallName } from '../../../shared/contract.ts';
import { callChannel, type CallEnvelope } from '../../../shared/ipc-envelope.ts';
import { describeInvalidArgs, toCallError } from '../../core/app/call-error.ts';
import { senderOf, type InvokeEventLike } from './sender-of.ts';
import { isTrustedSender, type TrustedSender } from './trusted-sender.ts';

/** The part of Electron's ipcMain this adapter uses (a fake in the unit test). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<CallEnvelope>): void;
  removeHandler(channel: string): void;
}

/** The app service, as far as IPC is concerned. */
export interface CallHandler {
  handle(name: CallName, args: unknown): Promise<unknown>;
}

export interface ContractHandlerOptions {
  /** Read on every message: the main window can be closed and opened again (macOS). */
  trusted: () => TrustedSender;
  log?: (message: string) => void;
}

const UNTRUSTED = 'This window may not use TwinArchive: go back to the main TwinArchive window.';

/**
 * Registers one `twinarchive:<call>` handler per call of the contract and nothing else. Each
 * checks the sender, validates the arguments with the contract's schema, then calls the core;
 * whatever happens, it answers an envelope, never a thrown error. Returns a function that
 * removes the handlers.
 */
export function registerContractHandlers(ipc: IpcMainLike, service: CallHandler, options: ContractHandlerOptions): () => void {
  const log = options.log ?? (() => undefined);
  for (const name of CALL_NAMES) {
    const argsSchema: z.ZodType = CONTRACT[name].args;
    ipc.handle(callChannel(name), async (event, ...rawArgs) => {
      const sender = senderOf(event);
      if (!isTrustedSender(sender, options.trusted())) {
        log(`refused ${name} from an untrusted sender (${sender.frameUrl ?? 'no frame'})`);
        return { ok: false, error: UNTRUSTED, code: 'UNTRUSTED_SENDER' };
      }
      if (rawArgs.length > 1) {
        return { ok: false, error: `The arguments of ${name} are not valid (more than one was sent): check what was sent.`, code: 'INVALID_ARGS' };
      }
      const parsed = argsSchema.safeParse(rawArgs[0]);
      if (!parsed.success) return { ok: false, error: describeInvalidArgs(name, parsed.error), code: 'INVALID_ARGS' };
      try {
        return { ok: true, value: await service.handle(name, parsed.data) };
      } catch (error) {
        // The core already reports its own bugs (onUnexpectedError); expected failures are not logged.
        return { ok: false, ...toCallError(error) };
      }
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipc.removeHandler(callChannel(name));
  };
}
