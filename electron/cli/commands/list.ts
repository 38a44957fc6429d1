import { formatBytes } from '../../../shared/format.ts';
import { listArchives } from '../../core/library/archives-repository.ts';
import type { CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { sanitizeForTerminal } from '../format-scan.ts';
import { parseOptions } from '../parse-options.ts';

/** `twinarchive list`: every archive in the library. */
export async function runList(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { ...DATA_DIR_OPTION, json: { type: 'boolean' } });
  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    const archives = listArchives(library);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ archives })}\n`);
      return EXIT_OK;
    }
    if (archives.length === 0) io.stdout.write('The library holds no archives yet: run "twinarchive archive" first.\n');
    for (const archive of archives) {
      const part = archive.parts > 1 ? ` (part ${archive.part} of ${archive.parts})` : '';
      io.stdout.write(`${archive.id}  ${sanitizeForTerminal(archive.title)}${part}  ${archive.entryCount} entries, ${formatBytes(archive.size)}, ${archive.createdAt.slice(0, 10)}\n    ${archive.path}\n`);
    }
    return EXIT_OK;
  } finally {
    library.close();
  }
}
