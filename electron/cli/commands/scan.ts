import { withReadSnapshot } from '../../core/library/report-data-queries.ts';
import { reportDataOfLibrary } from '../../core/report/report-data-library.ts';
import { scanJsonChunks } from '../../core/report/render-json.ts';
import { ACCOUNT_OPTIONS, resolveAccount } from '../account-options.ts';
import type { CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatScanReport } from '../format-scan.ts';
import { parseOptions } from '../parse-options.ts';
import { createProgressPrinter } from '../progress-line.ts';
import { reportCommand } from '../report-command-line.ts';
import { scanIntoLibraryWithSettings } from '../scan-with-options.ts';
import { OutputClosedError, writeChunks } from '../stream-output.ts';

/**
 * `twinarchive scan`: what migrates, what is lost, what is uncertain. The scan streams into the
 * library (an account of 1,000,000 items never sits in memory) and what is printed, text or
 * `--json`, is read back from it, with what changed since the account's previous scan.
 */
export async function runScan(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, { ...ACCOUNT_OPTIONS, ...DATA_DIR_OPTION, json: { type: 'boolean' } });
  const settings = await resolveAccount(values, io);
  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    // Progress only where a person watches: `--json` and logs get nothing but the result.
    const stderr = io.stderr as typeof io.stderr & { isTTY?: boolean };
    const progress = stderr.isTTY ? createProgressPrinter(stderr) : null;
    const run = await scanIntoLibraryWithSettings(settings, library, signal, progress ? (update) => progress.update(update) : undefined)
      .finally(() => progress?.end());
    const scope = { source: run.source, accountId: run.accountId };
    await withReadSnapshot(library, async () => {
      // The latest finished scan: ours, unless another scan of the account finished since.
      const data = reportDataOfLibrary(library, scope);
      const see = (format: string, out: string) => reportCommand({ ...scope, dataDir: values['data-dir'] ?? null, format, out });
      const chunks = values.json
        ? scanJsonChunks(data, false)
        : [formatScanReport(data, settings.rules.ruleSet, { seeAll: see('csv', 'report.csv'), seeChanges: see('changes-csv', 'changes.csv') })];
      await writeChunks(io.stdout, chunks);
    });
    return EXIT_OK;
  } catch (error) {
    // `twinarchive scan --json | head`: the reader had enough; the scan itself is safely stored.
    if (error instanceof OutputClosedError) return EXIT_OK;
    throw error;
  } finally {
    library.close();
  }
}
