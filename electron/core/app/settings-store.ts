import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../../../shared/contract.ts';
import type { RuleSet } from '../../../shared/rules/ruleset-schema.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { AppCallError } from './call-error.ts';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_SPLIT_SIZE = 4 * 1024 * 1024 * 1024;
export const SETTINGS_FILE = 'settings.json';

export function defaultSettings(ruleSet: RuleSet): Settings {
  return {
    language: null,
    euLoginEmail: null,
    margin: ruleSet.margin.default,
    concurrency: DEFAULT_CONCURRENCY,
    defaultDestination: null,
    splitSize: DEFAULT_SPLIT_SIZE,
  };
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Merges, checks and writes the change; returns the settings now in force. */
  set(change: Partial<Settings>): Promise<Settings>;
}

/**
 * Settings in `<dataDir>/settings.json`, read once and validated: a damaged or hand-edited file
 * keeps each valid value and falls back to the default for the rest, never stopping the app.
 */
export function createSettingsStore(dataDir: string, ruleSet: RuleSet): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);
  const defaults = defaultSettings(ruleSet);
  let current: Promise<Settings> | null = null;
  let writing: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    let stored: unknown;
    try {
      stored = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return { ...defaults };
    }
    if (typeof stored !== 'object' || stored === null) return { ...defaults };
    const settings: Record<string, unknown> = { ...defaults };
    for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
      const value = (stored as Record<string, unknown>)[key];
      if (schema.safeParse(value).success) settings[key] = value;
    }
    const parsed = SettingsSchema.safeParse(settings);
    return parsed.success && fitsRuleSet(parsed.data, ruleSet) ? parsed.data : { ...defaults };
  }

  return {
    get() {
      current ??= load();
      return current;
    },
    async set(change) {
      const before = await this.get();
      const next: Settings = { ...before };
      for (const [key, value] of Object.entries(change)) {
        if (value !== undefined) (next as Record<string, unknown>)[key] = value;
      }
      if (next.euLoginEmail !== null && next.euLoginEmail.trim() === '') next.euLoginEmail = null;
      if (!fitsRuleSet(next, ruleSet)) {
        throw new AppCallError(`The margin must be a whole number of days from ${ruleSet.margin.min} to ${ruleSet.margin.max}: choose one in that range.`, 'INVALID_ARGS');
      }
      if (next.defaultDestination !== null && !path.isAbsolute(next.defaultDestination)) {
        throw new AppCallError('The default destination must be a full folder path: choose the folder again.', 'INVALID_ARGS');
      }
      const checked = SettingsSchema.parse(next);
      // Writes go one after the other, so the file always holds the last settings.
      const write = writing.then(async () => {
        await mkdir(dataDir, { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
      });
      writing = write.catch(() => undefined);
      await write;
      current = Promise.resolve(checked);
      return checked;
    },
  };
}

function fitsRuleSet(settings: Settings, ruleSet: RuleSet): boolean {
  return settings.margin >= ruleSet.margin.min && settings.margin <= ruleSet.margin.max;
}
