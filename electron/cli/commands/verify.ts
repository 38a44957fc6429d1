import { formatBytes } from '../../../shared/format.ts';
import { verifyLibrary } from '../../core/jobs/verify-library.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';
import { parseOptions } from '../parse-options.ts';

/** `twinarchive verify`: re-reads every entry of every archive against the library. */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { ...DATA_DIR_OPTION, json: { type: 'boolean' } });
  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    const report = await verifyLibrary(library, {
      onArchive: (archive, index, total) => { if (!values.json) writeLine(io.stderr, `Checking ${index + 1}/${total}: ${archive.path}`); },
    });
    if (values.json) io.stdout.write(`${JSON.stringify({ ok: report.problems.length === 0, ...report })}\n`);
    else {
      for (const problem of report.problems) writeLine(io.stdout, `PROBLEM ${problem.message}`);
      writeLine(io.stdout, report.problems.length === 0
        ? `All ${report.archives} archives are intact: ${report.entries} entries, ${formatBytes(report.bytes)}.`
        : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.archives} archives: archive those spaces again to replace damaged files.`);
    }
    return report.problems.length === 0 ? EXIT_OK : EXIT_FAILED;
  } finally {
    library.close();
  }
}
