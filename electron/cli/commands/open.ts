import { openArchivedItem } from '../../core/jobs/open-item.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { parseOptions } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';

/** `twinarchive open ITEM`: extracts one archived item and prints where. */
export async function runOpen(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...DATA_DIR_OPTION }, true);
  const [itemId, ...rest] = positionals;
  if (itemId === undefined || rest.length > 0) throw new UsageError('Name one item id, e.g. twinarchive open i-1001.');
  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    const opened = await openArchivedItem(library, itemId);
    writeLine(io.stdout, opened.path);
    return EXIT_OK;
  } finally {
    library.close();
  }
}
