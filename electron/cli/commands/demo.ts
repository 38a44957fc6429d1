import path from 'node:path';
import { formatBytes } from '../../../shared/format.ts';
import { createRulesEngine } from '../../../shared/rules/rules-engine.ts';
import { runArchiveJob } from '../../core/jobs/archive-job.ts';
import { libraryFile } from '../../core/library/data-dir.ts';
import { createPlatformClient } from '../../core/platform-client/platform-client.ts';
import { loadCurrentRuleSet } from '../../core/rules/load-rule-set.ts';
import { DEMO_ACCOUNT } from '../../core/sample-platform/demo-account.ts';
import { defaultSnapshotPath, loadSnapshot } from '../../core/sample-platform/load-snapshot.ts';
import { startSamplePlatform } from '../../core/sample-platform/server.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { openLibraryIn } from '../data-dir-option.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { formatScan } from '../format-scan.ts';
import { parseOptions } from '../parse-options.ts';
import { createProgressPrinter } from '../progress-line.ts';
import { DEFAULT_SPLIT_SIZE, formatArchiveResult } from './archive.ts';

/**
 * `twinarchive demo`: the whole main job on the embedded sample platform, headless. The demo
 * keeps its own library inside its output folder, so it never mixes with real archives.
 */
export async function runDemo(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, { out: { type: 'string' }, 'data-dir': { type: 'string' } });
  const outDir = path.resolve(values.out ?? 'twinarchive-demo');
  const dataDir = path.resolve(values['data-dir'] ?? path.join(outDir, 'library'));
  const platform = await startSamplePlatform({ snapshot: await loadSnapshot(defaultSnapshotPath()), port: 0 });
  writeLine(io.stderr, `Sample platform on ${platform.url}, signing in as ${DEMO_ACCOUNT.login}.`);
  const ruleSet = loadCurrentRuleSet();
  const rules = createRulesEngine(ruleSet, { margin: ruleSet.margin.default, euLoginEmail: DEMO_ACCOUNT.euLoginEmail });
  const client = createPlatformClient({
    baseUrl: platform.url,
    credentials: { kind: 'password', login: DEMO_ACCOUNT.login, password: DEMO_ACCOUNT.password },
    signal,
  });
  const library = openLibraryIn(dataDir);
  const progress = createProgressPrinter(io.stderr);
  try {
    const result = await runArchiveJob({
      client, sourceUrl: platform.url, rules, library, dataDir, outDir, include: 'at-risk', spaces: null,
      splitSize: DEFAULT_SPLIT_SIZE, concurrency: 4, signal, onProgress: (update) => progress.update(update),
    });
    progress.end();
    io.stdout.write(formatScan(result.scan, ruleSet));
    io.stdout.write('\n');
    io.stdout.write(formatArchiveResult(result));
    io.stdout.write(`\nArchived ${result.items} items at risk (${formatBytes(result.bytes)}).\n`);
    io.stdout.write(`Archives: ${outDir}\nIndex:    ${libraryFile(dataDir)}\n`);
    io.stdout.write(`Try: npx twinarchive search --data-dir "${dataDir}" rivier\n`);
    return EXIT_OK;
  } finally {
    progress.end();
    await client.close();
    library.close();
    await platform.close();
  }
}
