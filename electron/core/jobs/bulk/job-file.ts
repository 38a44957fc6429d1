import path from 'node:path';
import { z } from 'zod';
import { safeComponent } from '../../archive/entry-names.ts';
import { collisionKey } from '../../archive/name-measure.ts';
import { parseCsv, type CsvRecord } from '../../util/parse-csv.ts';
import { BULK_REPORT_FILE_NAMES } from './bulk-report-files.ts';

export const JOB_FILE_COLUMNS = ['login', 'password_env', 'cookies', 'eu_login_email', 'spaces', 'out'] as const;
type Column = (typeof JOB_FILE_COLUMNS)[number];

/** One account of a job file, checked and with its folder worked out. */
export interface JobFileAccount {
  /** 1-based, in file order. */
  position: number;
  /** The line the row starts on. */
  line: number;
  login: string;
  /** The name of the environment variable that holds the password. */
  passwordEnv: string | null;
  /** A cookies.txt file, as written in the job file. */
  cookies: string | null;
  euLoginEmail: string | null;
  /** Space ids (`personal` for personal items); null for every space. */
  spaces: string[] | null;
  /** The account's folder under the output folder, `/`-separated, every part a safe name. */
  folder: string;
  /** The absolute folder of the account's archives. */
  outDir: string;
}

export interface JobFileProblem {
  line: number;
  message: string;
}

/** A job file that cannot be run: every problem found, by line. */
export class JobFileError extends Error {
  override readonly name = 'JobFileError';
  readonly problems: readonly JobFileProblem[];

  constructor(problems: readonly JobFileProblem[]) {
    super(formatJobFileProblems(problems));
    this.problems = problems;
  }
}

/** Every problem, by line, under one heading; `file` names the job file in it. */
export function formatJobFileProblems(problems: readonly JobFileProblem[], file = 'The job file'): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const heading = sorted.length === 1
    ? `${file} has a problem; fix it and run the command again:`
    : `${file} has ${sorted.length} problems; fix them and run the command again:`;
  return [heading, ...sorted.map((problem) => `  line ${problem.line}: ${problem.message}`)].join('\n');
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const SPACE_ID = /^[^\p{Cc}\p{Cf}]+$/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const FALLBACK_FOLDER = 'account';

/** Text from the file, quoted in a message for a terminal: control and format characters shown as U+FFFD. */
function shown(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}

const text = z.string().transform((value) => value.trim());
const optionalText = text.transform((value) => (value === '' ? null : value));

/**
 * `out`: a folder under the output folder, written with `/` or `\`. It may not leave it, so
 * absolute paths and `..` are refused; each part is made a safe folder name (what cannot be
 * one on Windows, macOS or Linux becomes `_`).
 */
export function safeOutFolder(value: string): { folder: string } | { problem: string } {
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    return { problem: `out "${shown(value)}" is an absolute path: give a folder name, which goes under --out.` };
  }
  const parts = value.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => /^\.{2,}$/.test(part.trim()))) {
    return { problem: `out "${shown(value)}" contains "..": give a folder name, which goes under --out, not a way out of it.` };
  }
  if (parts.length === 0) return { problem: `out "${shown(value)}" names no folder: leave it empty for a folder named after the login.` };
  return { folder: parts.map((part) => safeComponent(part, FALLBACK_FOLDER)).join('/') };
}

const RowSchema = z.object({
  login: text.pipe(z.string()
    .min(1, 'login is empty: every row needs the colleague\'s login.')
    .refine((value) => !CONTROL.test(value), 'login holds control characters.')),
  // Never repeated in a message: a person may have put the password itself there.
  password_env: optionalText.refine((value) => value === null || ENV_NAME.test(value),
    'password_env must be the name of an environment variable that holds the password (letters, digits and _), not the password itself.'),
  cookies: optionalText,
  eu_login_email: optionalText.refine((value) => value === null || EMAIL.test(value),
    'eu_login_email is not an e-mail address: give the address of the EU Login, or leave it empty.'),
  spaces: optionalText.transform((value, ctx) => {
    if (value === null) return null;
    const ids = [...new Set(value.split(/[;,\s]+/).filter((id) => id.length > 0))];
    if (ids.length === 0) {
      ctx.addIssue('spaces names no space: give space ids separated by ";" or spaces (personal for personal items), or leave it empty for all.');
      return z.NEVER;
    }
    if (ids.some((id) => !SPACE_ID.test(id))) {
      ctx.addIssue('spaces holds an id with control characters: copy the ids from "twinarchive scan".');
      return z.NEVER;
    }
    return ids;
  }),
  out: optionalText.transform((value, ctx) => {
    if (value === null) return null;
    const result = safeOutFolder(value);
    if ('problem' in result) {
      ctx.addIssue(result.problem);
      return z.NEVER;
    }
    return result.folder;
  }),
}).superRefine((row, ctx) => {
  if (row.password_env !== null && row.cookies !== null) {
    ctx.addIssue('give password_env or cookies, not both.');
  } else if (row.password_env === null && row.cookies === null) {
    ctx.addIssue('give password_env (the name of the environment variable with the password) or cookies (a cookies.txt file).');
  }
});

function headerProblems(names: readonly string[], line: number): JobFileProblem[] {
  const problems: JobFileProblem[] = [];
  const known = new Set<string>(JOB_FILE_COLUMNS);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) {
      problems.push({ line, message: `unknown column "${shown(name)}": the columns are ${JOB_FILE_COLUMNS.join(', ')}.` });
    } else if (seen.has(name)) {
      problems.push({ line, message: `the column "${name}" appears twice.` });
    }
    seen.add(name);
  }
  if (!seen.has('login')) problems.push({ line, message: 'the header has no login column: start the file with the line login,password_env,cookies,eu_login_email,spaces,out.' });
  else if (!seen.has('password_env') && !seen.has('cookies')) {
    problems.push({ line, message: 'the header has neither a password_env nor a cookies column, so no account can sign in.' });
  }
  return problems;
}

/**
 * Reads a job file: a CSV with the header `login,password_env,cookies,eu_login_email,spaces,out`
 * (columns in any order; all but login and one of password_env or cookies may be left out).
 * Every row is checked and every problem is given back, by line, so a person can mend the whole
 * file at once. `outRoot` is the absolute folder the `out` folders go under. The accounts are
 * those of the good rows; nothing should run unless `problems` is empty.
 */
export function readJobFile(source: string, outRoot: string): { accounts: JobFileAccount[]; problems: JobFileProblem[] } {
  const records = parseCsv(source).filter((record) => record.problem !== null || record.fields.some((field) => field.trim() !== ''));
  const [header, ...rows] = records;
  const fail = (line: number, message: string) => ({ accounts: [], problems: [{ line, message }] });
  if (header === undefined) {
    return fail(1, `the job file is empty: start it with the line ${JOB_FILE_COLUMNS.join(',')}, then one line per account.`);
  }
  if (header.problem !== null) return fail(header.line, header.problem);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const fromHeader = headerProblems(columns, header.line);
  if (fromHeader.length > 0) return { accounts: [], problems: fromHeader };
  if (rows.length === 0) return fail(header.line, 'the job file lists no accounts: add one line per account under the header.');

  const problems: JobFileProblem[] = [];
  const accounts: JobFileAccount[] = [];
  for (const record of rows) {
    const account = readRow(record, columns, outRoot, accounts.length + 1);
    if ('problems' in account) problems.push(...account.problems);
    else accounts.push(account);
  }
  problems.push(...folderClashes(accounts));
  return { accounts, problems };
}

/** `readJobFile`, throwing a JobFileError with every problem when there is any. */
export function parseJobFile(source: string, outRoot: string): JobFileAccount[] {
  const { accounts, problems } = readJobFile(source, outRoot);
  if (problems.length > 0) throw new JobFileError(problems);
  return accounts;
}

function readRow(record: CsvRecord, columns: readonly string[], outRoot: string, position: number): JobFileAccount | { problems: JobFileProblem[] } {
  const { line } = record;
  if (record.problem !== null) return { problems: [{ line, message: record.problem }] };
  if (record.fields.length > columns.length) {
    return { problems: [{
      line,
      message: `${record.fields.length} values, but the header names ${columns.length} columns: put a value that holds a comma in double quotes.`,
    }] };
  }
  // A text editor may leave out the empty values at the end of a line: they count as empty.
  const raw: Record<Column, string> = { login: '', password_env: '', cookies: '', eu_login_email: '', spaces: '', out: '' };
  columns.forEach((column, at) => {
    raw[column as Column] = record.fields[at] ?? '';
  });
  const parsed = RowSchema.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => ({ line, message: issue.message })) };
  const row = parsed.data;
  const folder = row.out ?? safeComponent(row.login, FALLBACK_FOLDER);
  const outDir = path.resolve(outRoot, ...folder.split('/'));
  const relative = path.relative(outRoot, outDir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { problems: [{ line, message: `out "${folder}" is not a folder under --out: give a plain folder name.` }] };
  }
  return {
    position, line, login: row.login, passwordEnv: row.password_env, cookies: row.cookies,
    euLoginEmail: row.eu_login_email, spaces: row.spaces, folder, outDir,
  };
}

/** Two accounts in one folder, or one inside another's, would mix colleagues' archives. */
function folderClashes(accounts: readonly JobFileAccount[]): JobFileProblem[] {
  const problems: JobFileProblem[] = [];
  const reserved = new Set(BULK_REPORT_FILE_NAMES.map(collisionKey));
  const seen: { key: string; account: JobFileAccount }[] = [];
  for (const account of accounts) {
    const key = collisionKey(account.folder);
    if (reserved.has(key)) {
      problems.push({ line: account.line, message: `out "${account.folder}" is the name of the run report: choose another folder name.` });
      continue;
    }
    const same = seen.find((other) => other.key === key);
    const outer = seen.find((other) => key.startsWith(`${other.key}/`) || other.key.startsWith(`${key}/`));
    if (same) {
      problems.push({
        line: account.line,
        message: `the folder "${account.folder}" is already the folder of line ${same.account.line} (names are compared without regard to case): give each row its own out.`,
      });
    } else if (outer) {
      problems.push({
        line: account.line,
        message: `the folder "${account.folder}" and the folder "${outer.account.folder}" of line ${outer.account.line} lie one inside the other: give each colleague a folder of their own.`,
      });
    }
    seen.push({ key, account });
  }
  return problems;
}
