import { ACCOUNT_OPTIONS, resolveAccount } from '../account-options.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatScan } from '../format-scan.ts';
import { parseOptions } from '../parse-options.ts';
import { scanWithSettings } from '../scan-with-options.ts';

/** `twinarchive scan`: what migrates, what is lost, what is uncertain. */
export async function runScan(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, { ...ACCOUNT_OPTIONS, json: { type: 'boolean' } });
  const settings = await resolveAccount(values, io);
  const scan = await scanWithSettings(settings, signal);
  io.stdout.write(values.json ? `${JSON.stringify(scan)}\n` : formatScan(scan));
  return EXIT_OK;
}
