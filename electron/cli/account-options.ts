import { readFile } from 'node:fs/promises';
import { createRulesEngine, type RulesEngine } from '../../shared/rules/rules-engine.ts';
import { loadCurrentRuleSet } from '../core/rules/load-rule-set.ts';
import type { CliIo } from './cli-io.ts';
import { integerOption, requireOption } from './parse-options.ts';
import { readPassword } from './read-password.ts';
import { UsageError } from './usage-error.ts';

/** The options every command that signs in to a platform shares. */
export const ACCOUNT_OPTIONS = {
  source: { type: 'string' },
  login: { type: 'string' },
  'password-env': { type: 'string' },
  cookies: { type: 'string' },
  'eu-login-email': { type: 'string' },
  margin: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export interface AccountOptionValues {
  source?: string | undefined;
  login?: string | undefined;
  'password-env'?: string | undefined;
  cookies?: string | undefined;
  'eu-login-email'?: string | undefined;
  margin?: string | undefined;
  concurrency?: string | undefined;
}

export type Credentials =
  | { kind: 'password'; login: string; password: string }
  | { kind: 'cookies'; cookiesTxt: string };

export interface AccountSettings {
  baseUrl: string;
  credentials: Credentials;
  concurrency: number;
  rules: RulesEngine;
}

export function parseBaseUrl(source: string): string {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new UsageError(`--source "${source}" is not a web address: give one like https://live.etwinning.net.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--source must be an http or https address, not "${source}".`);
  }
  return url.origin;
}

export async function resolveAccount(values: AccountOptionValues, io: CliIo): Promise<AccountSettings> {
  const baseUrl = parseBaseUrl(requireOption(values.source, 'source'));
  const ruleSet = loadCurrentRuleSet();
  const margin = integerOption(values.margin, 'margin', ruleSet.margin.min, ruleSet.margin.max) ?? ruleSet.margin.default;
  const concurrency = integerOption(values.concurrency, 'concurrency', 1, 64) ?? 4;
  const rules = createRulesEngine(ruleSet, { margin, euLoginEmail: values['eu-login-email'] ?? null });
  return { baseUrl, credentials: await resolveCredentials(values, io), concurrency, rules };
}

async function resolveCredentials(values: AccountOptionValues, io: CliIo): Promise<Credentials> {
  if (values.cookies !== undefined) {
    try {
      return { kind: 'cookies', cookiesTxt: await readFile(values.cookies, 'utf8') };
    } catch (error) {
      throw new UsageError(`Could not read the cookies file ${values.cookies} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the path.`);
    }
  }
  const login = requireOption(values.login, 'login');
  return { kind: 'password', login, password: await readPassword(io, values['password-env'], login) };
}
