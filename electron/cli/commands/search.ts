import { search } from '../../core/library/search.ts';
import type { CliIo } from '../cli-io.ts';
import { DATA_DIR_OPTION, openLibraryIn, resolveDataDir } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { sanitizeForTerminal } from '../format-scan.ts';
import { integerOption, parseOptions } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';

/** `twinarchive search QUERY`: full text over archived titles and pages. */
export async function runSearch(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...DATA_DIR_OPTION, json: { type: 'boolean' }, limit: { type: 'string' } }, true);
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('Say what to search for, e.g. twinarchive search "klimaat".');
  const library = openLibraryIn(resolveDataDir(values['data-dir'], io));
  try {
    const hits = search(library, query, { limit: integerOption(values.limit, 'limit', 1, 500) ?? 50 });
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ query, hits })}\n`);
      return EXIT_OK;
    }
    if (hits.length === 0) io.stdout.write(`Nothing archived matches "${sanitizeForTerminal(query)}".\n`);
    for (const hit of hits) {
      io.stdout.write(`${hit.itemId}  ${sanitizeForTerminal(hit.title)}  [${hit.type}, ${hit.verdict}]\n`);
      io.stdout.write(hit.archivePath ? `    ${hit.archivePath} :: ${sanitizeForTerminal(hit.entryPath ?? '')}\n` : '    (indexed, not archived)\n');
      if (hit.snippet) io.stdout.write(`    ${sanitizeForTerminal(hit.snippet)}\n`);
    }
    return EXIT_OK;
  } finally {
    library.close();
  }
}
