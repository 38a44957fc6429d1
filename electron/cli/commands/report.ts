import path from 'node:path';
import { renderReportCsv } from '../../core/report/render-csv.ts';
import { renderReportHtml } from '../../core/report/render-html.ts';
import { renderReportJson } from '../../core/report/render-json.ts';
import { writeFileAtomic } from '../../core/util/write-file-atomic.ts';
import { ACCOUNT_OPTIONS, resolveAccount } from '../account-options.ts';
import { writeLine, type CliIo } from '../cli-io.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { parseOptions, requireOption } from '../parse-options.ts';
import { scanWithSettings } from '../scan-with-options.ts';
import { UsageError } from '../usage-error.ts';

const FORMATS = ['csv', 'json', 'html'] as const;
const LANGUAGES = ['en', 'nl'] as const;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${value}"`}.`);
}

/** `twinarchive report`: the NSO preview of an account, as CSV, JSON or one HTML file. */
export async function runReport(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(args, {
    ...ACCOUNT_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const format = oneOf(values.format, FORMATS, 'format');
  const lang = oneOf(values.lang, LANGUAGES, 'lang', 'en');
  const out = path.resolve(requireOption(values.out, 'out'));
  const settings = await resolveAccount(values, io);
  const scan = await scanWithSettings(settings, signal);
  const rendered =
    format === 'csv' ? renderReportCsv(scan)
      : format === 'json' ? renderReportJson(scan)
        : renderReportHtml(scan, settings.rules.ruleSet, lang);
  await writeFileAtomic(out, rendered);
  writeLine(io.stderr, `Wrote the ${format.toUpperCase()} report of ${scan.totals.items} items to ${out}`);
  return EXIT_OK;
}
