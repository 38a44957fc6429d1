import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRulesEngine } from '../../shared/rules/rules-engine.ts';
import type { RuleSet } from '../../shared/rules/ruleset-schema.ts';
import { formatJobFileProblems, readJobFile, type JobFileAccount, type JobFileProblem } from '../core/jobs/bulk/job-file.ts';
import type { BulkAccountInput } from '../core/jobs/bulk/run-bulk-job.ts';
import type { Credentials } from '../core/platform-client/platform-client.ts';
import { sanitizeForTerminal } from './format-scan.ts';
import { UsageError } from './usage-error.ts';

export interface JobFileSettings {
  jobFile: string;
  outRoot: string;
  env: NodeJS.ProcessEnv;
  ruleSet: RuleSet;
  margin: number;
}

async function credentialsOf(account: JobFileAccount, settings: JobFileSettings): Promise<Credentials | JobFileProblem> {
  if (account.cookies !== null) {
    // Relative to the job file, which is where a person keeps the cookies files it names.
    const file = path.resolve(path.dirname(settings.jobFile), account.cookies);
    try {
      return { kind: 'cookies', cookiesTxt: await readFile(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { line: account.line, message: `could not read the cookies file ${sanitizeForTerminal(file)} (${code}): check the path, which starts from the job file's folder.` };
    }
  }
  const name = account.passwordEnv ?? '';
  const password = settings.env[name];
  if (password === undefined || password === '') {
    return { line: account.line, message: `the environment variable ${name} is empty or not set: put the password for ${sanitizeForTerminal(account.login)} in it.` };
  }
  return { kind: 'password', login: account.login, password };
}

/**
 * The job file's accounts, each with its password or cookies and its rules, ready to run. Every
 * problem of the file and of the credentials it names is thrown at once (exit 2), before any work.
 */
export async function loadJobFile(settings: JobFileSettings): Promise<BulkAccountInput[]> {
  let source: string;
  try {
    source = await readFile(settings.jobFile, 'utf8');
  } catch (error) {
    throw new UsageError(`Could not read the job file ${sanitizeForTerminal(settings.jobFile)} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the path.`);
  }
  const { accounts, problems } = readJobFile(source, settings.outRoot);
  const inputs: BulkAccountInput[] = [];
  for (const account of accounts) {
    const credentials = await credentialsOf(account, settings);
    if ('message' in credentials) {
      problems.push(credentials);
      continue;
    }
    inputs.push({
      position: account.position, line: account.line, login: account.login, euLoginEmail: account.euLoginEmail,
      spaces: account.spaces, outDir: account.outDir, credentials,
      rules: createRulesEngine(settings.ruleSet, { margin: settings.margin, euLoginEmail: account.euLoginEmail }),
    });
  }
  if (problems.length > 0) throw new UsageError(formatJobFileProblems(problems, `The job file ${sanitizeForTerminal(settings.jobFile)}`));
  return inputs;
}
