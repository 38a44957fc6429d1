import { writeLine, type CliIo } from './cli-io.ts';
import { runArchive } from './commands/archive.ts';
import { runBulk } from './commands/bulk.ts';
import { runDemo } from './commands/demo.ts';
import { runList } from './commands/list.ts';
import { runOpen } from './commands/open.ts';
import { runSearch } from './commands/search.ts';
import { runVerify } from './commands/verify.ts';
import { runReport } from './commands/report.ts';
import { runSamplePlatform } from './commands/sample-platform.ts';
import { runScan } from './commands/scan.ts';
import { describeFailure } from './describe-failure.ts';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { HELP } from './help.ts';

type Command = (args: string[], io: CliIo, signal: AbortSignal) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  scan: runScan,
  archive: runArchive,
  bulk: runBulk,
  search: runSearch,
  list: runList,
  verify: runVerify,
  open: runOpen,
  demo: runDemo,
  report: runReport,
  'sample-platform': runSamplePlatform,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    writeLine(io.stderr, `Unknown command "${name}". Run "twinarchive help" for the commands.`);
    return EXIT_USAGE;
  }
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('Stopped by the user.'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await command(args, io, controller.signal);
  } catch (error) {
    const failure = describeFailure(error);
    writeLine(io.stderr, failure.message);
    if (io.env['TWINARCHIVE_DEBUG'] && error instanceof Error) writeLine(io.stderr, error.stack ?? '');
    return failure.exitCode;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
