import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobFileError, parseJobFile, readJobFile, safeOutFolder } from '../../electron/core/jobs/bulk/job-file.ts';
import { parseCsv } from '../../electron/core/util/parse-csv.ts';

const ROOT = path.resolve('/srv/archives');
const HEADER = 'login,password_env,cookies,eu_login_email,spaces,out';

function problemsOf(text: string): string[] {
  return readJobFile(text, ROOT).problems.map((problem) => `${problem.line}: ${problem.message}`);
}

describe('parseCsv', () => {
  it('reads RFC 4180: quoted commas, doubled quotes and line breaks, a BOM, CRLF', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], problem: null },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'], problem: null },
      { line: 4, fields: ['1', '', '3'], problem: null },
    ]);
  });

  it('accepts LF and lone CR line ends, skips blank lines and needs no final line end', () => {
    expect(parseCsv('a,b\n\n1,2\r3,4')).toEqual([
      { line: 1, fields: ['a', 'b'], problem: null },
      { line: 3, fields: ['1', '2'], problem: null },
      { line: 4, fields: ['3', '4'], problem: null },
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('a,\n')).toEqual([{ line: 1, fields: ['a', ''], problem: null }]);
    expect(parseCsv('""\n')).toEqual([]);
  });

  it('keeps counting lines after a quoted line break, so later records keep their real line', () => {
    const records = parseCsv('h\n"a\nb\nc"\nnext\n');
    expect(records.map((record) => [record.line, record.fields])).toEqual([[1, ['h']], [2, ['a\nb\nc']], [5, ['next']]]);
  });

  it('flags stray and unclosed quotes on the record, and goes on reading', () => {
    const records = parseCsv('ok,1\nab"c,2\n"ab"c,3\n"open,4\nnever closed');
    expect(records.map((record) => [record.line, record.problem === null ? null : record.problem.split(':')[0]])).toEqual([
      [1, null],
      [2, 'a value holds a double quote but does not start with one'],
      [3, 'there is text after a closing quote'],
      [4, 'a quoted value is not closed'],
    ]);
  });
});

describe('parseJobFile', () => {
  it('reads accounts with a BOM, CRLF and quoting; spaces split on ";", spaces or commas; out under the root', () => {
    const text = `\uFEFF${HEADER}\r\n`
      + 'an.peeters,TA_AN,,,,\r\n'
      + '"bo.janssens",,"cookies/bo.txt"," Bo@School.example ","g-1001; ts-7 personal","Klas 5B, ""vogels"""\r\n'
      + 'cy,TA_CY,,,"g-1,g-2",nested/cy\r\n';
    expect(parseJobFile(text, ROOT)).toEqual([
      { position: 1, line: 2, login: 'an.peeters', passwordEnv: 'TA_AN', cookies: null, euLoginEmail: null, spaces: null,
        folder: 'an.peeters', outDir: path.join(ROOT, 'an.peeters') },
      { position: 2, line: 3, login: 'bo.janssens', passwordEnv: null, cookies: 'cookies/bo.txt', euLoginEmail: 'Bo@School.example',
        spaces: ['g-1001', 'ts-7', 'personal'], folder: 'Klas 5B, _vogels_', outDir: path.join(ROOT, 'Klas 5B, _vogels_') },
      { position: 3, line: 4, login: 'cy', passwordEnv: 'TA_CY', cookies: null, euLoginEmail: null, spaces: ['g-1', 'g-2'],
        folder: 'nested/cy', outDir: path.join(ROOT, 'nested', 'cy') },
    ]);
  });

  it('takes the columns in any order and case, some left out, and short rows as empty at the end', () => {
    const accounts = parseJobFile('Out, LOGIN ,password_env\nfolder-a,an,TA_AN\n,bo,TA_BO\n', ROOT);
    expect(accounts.map((account) => [account.login, account.folder, account.passwordEnv])).toEqual([['an', 'folder-a', 'TA_AN'], ['bo', 'bo', 'TA_BO']]);
    expect(parseJobFile(`${HEADER}\nan,TA_AN\n`, ROOT)).toMatchObject([{ login: 'an', passwordEnv: 'TA_AN', spaces: null, folder: 'an' }]);
  });

  it('names a readable, safe folder after the login', () => {
    const accounts = parseJobFile(`${HEADER}\nan.peeters@school.example,TA,,,,\n"a/b:c*?",TA,,,,\nCON,TA,,,,\n`, ROOT);
    expect(accounts.map((account) => account.folder)).toEqual(['an.peeters@school.example', 'a_b_c_', '_CON']);
  });

  it('reports every bad row at once, by the line it starts on', () => {
    const text = [
      HEADER,
      'an,TA_AN,,,,',
      ',TA_X,,,,', // 3: no login
      'bo,,,,,', // 4: no password or cookies
      'cy,TA_CY,cookies.txt,,,', // 5: both
      'dd,my secret pw!,,,,', // 6: a password where the variable name goes
      'ee,TA_EE,,not-an-email,,', // 7
      'ff,TA_FF,,,;;,', // 8: no space ids
      '"gg\nstill gg",TA_GG,,,,', // 9-10: a login with a line break: control characters
      'hh,TA_HH,,,,,extra', // 11: too many values
      'ii,"TA_II,,,,', // 12: never closed
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['3', '4', '5', '6', '7', '8', '9', '11', '12']);
    expect(problems.join('\n')).not.toContain('my secret pw!');
    expect(problems[0]).toBe('3: login is empty: every row needs the colleague\'s login.');
    expect(problems[1]).toMatch(/^4: give password_env \(the name of the environment variable with the password\) or cookies/);
    expect(problems[2]).toBe('5: give password_env or cookies, not both.');
    expect(problems[3]).toMatch(/^6: password_env must be the name of an environment variable .* not the password itself\.$/);
    expect(problems[6]).toBe('9: login holds control characters.');
    expect(problems[7]).toBe('11: 7 values, but the header names 6 columns: put a value that holds a comma in double quotes.');
    expect(() => parseJobFile(text, ROOT)).toThrow(JobFileError);
    try {
      parseJobFile(text, ROOT);
    } catch (error) {
      expect((error as JobFileError).problems).toHaveLength(9);
      expect((error as Error).message).toMatch(/^The job file has 9 problems; fix them and run the command again:\n {2}line 3: login is empty/);
    }
  });

  it.each([
    ['../escape', /contains "\.\."/],
    ['a/../../b', /contains "\.\."/],
    ['a\\..\\b', /contains "\.\."/],
    ['..', /contains "\.\."/],
    ['...', /contains "\.\."/],
    ['/etc/cron.d', /is an absolute path/],
    ['\\\\server\\share', /is an absolute path/],
    ['C:\\Users\\an', /is an absolute path/],
    ['c:relative', /is an absolute path/],
    ['./.', /names no folder/],
  ])('refuses out %j, which would leave --out', (out, message) => {
    const problems = problemsOf(`${HEADER}\nan,TA,,,,"${out.replaceAll('"', '""')}"\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('makes each part of out a safe name, keeping it under --out', () => {
    expect(safeOutFolder('./klas 5B\\an.')).toEqual({ folder: 'klas 5B/an' });
    expect(safeOutFolder('a//b/')).toEqual({ folder: 'a/b' });
    expect(safeOutFolder('NUL/aux.txt')).toEqual({ folder: '_NUL/_aux.txt' });
    expect(safeOutFolder('\u202Eevil')).toEqual({ folder: '_evil' });
  });

  it('refuses two accounts in one folder, compared without regard to case, or one inside another', () => {
    const text = [
      HEADER,
      'an.peeters,TA,,,g-1,',
      'an.peeters,TA,,,g-2,', // 3: the same default folder
      'bo,TA,,,,AN.PEETERS', // 4: the same folder in another case
      'cy,TA,,,,an.peeters/cy', // 5: inside line 2's folder
      'dd,TA,,,,Straße',
      'ee,TA,,,,STRASSE', // 7: ß folds to SS, as on some disks
      'ff,TA,,,,bulk-report.html', // 8: the run report's name
    ].join('\r\n');
    expect(problemsOf(text)).toEqual([
      '3: the folder "an.peeters" is already the folder of line 2 (names are compared without regard to case): give each row its own out.',
      '4: the folder "AN.PEETERS" is already the folder of line 2 (names are compared without regard to case): give each row its own out.',
      '5: the folder "an.peeters/cy" and the folder "an.peeters" of line 2 lie one inside the other: give each colleague a folder of their own.',
      '7: the folder "STRASSE" is already the folder of line 6 (names are compared without regard to case): give each row its own out.',
      '8: out "bulk-report.html" is the name of the run report: choose another folder name.',
    ]);
  });

  it('explains an empty file, a file without accounts and a wrong header', () => {
    expect(problemsOf('')).toEqual([`1: the job file is empty: start it with the line ${HEADER}, then one line per account.`]);
    expect(problemsOf('\uFEFF\r\n\r\n')).toHaveLength(1);
    expect(problemsOf(`${HEADER}\r\n,,,,,\r\n`)).toEqual(['1: the job file lists no accounts: add one line per account under the header.']);
    expect(problemsOf('login,password,out\nan,pw,x\n')).toEqual([
      '1: unknown column "password": the columns are login, password_env, cookies, eu_login_email, spaces, out.',
      '1: the header has neither a password_env nor a cookies column, so no account can sign in.',
    ]);
    expect(problemsOf('name,password_env\nan,TA\n')[1]).toMatch(/^1: the header has no login column/);
    expect(problemsOf('login,login,cookies\nan,an,c.txt\n')).toEqual(['1: the column "login" appears twice.']);
  });
});
