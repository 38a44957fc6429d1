import { writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, libraryFile } from '../../electron/core/library/data-dir.ts';
import { openLibrary } from '../../electron/core/library/library.ts';
import { LATEST_VERSION, MIGRATIONS, NewerLibraryError, migrate, userVersion } from '../../electron/core/library/migrations/index.ts';
import type { Migration } from '../../electron/core/library/migrations/migration.ts';
import { useTempLibraries } from './library-temp.ts';

const temp = useTempLibraries();

function tableNames(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
}

/** Leaves out SQLite's own tables, such as the statistics PRAGMA optimize may add on close. */
function ourSchema(db: BetterSqlite3.Database): unknown[] {
  return db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
}

describe('openLibrary', () => {
  it('creates the folder and the schema, at the latest version', () => {
    const file = path.join(temp.folder(), 'deeper', 'still', 'library.sqlite');
    const library = temp.open(file);
    expect(library.file).toBe(file);
    expect(userVersion(library.db)).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(tableNames(library.db)).toEqual(expect.arrayContaining(['archives', 'items', 'items_fts', 'job_archives', 'job_items', 'jobs', 'spaces']));
  });

  it('turns on WAL, NORMAL sync, foreign keys, recursive triggers, a busy timeout and checkpoints every 10,000 pages', () => {
    const { db } = temp.open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });

  it('keeps pages and statement journals in memory for the app, and less of both for a long job', () => {
    const interactive = temp.open().db;
    expect([interactive.pragma('cache_size', { simple: true }), interactive.pragma('temp_store', { simple: true })]).toEqual([-32_000, 2]); // MEMORY
    const job = openLibrary(path.join(temp.folder(), 'library.sqlite'), 'job');
    try {
      expect([job.db.pragma('cache_size', { simple: true }), job.db.pragma('temp_store', { simple: true })]).toEqual([-8_000, 1]); // FILE
    } finally {
      job.close();
    }
  });

  it('enforces foreign keys', () => {
    const { db } = temp.open();
    expect(() =>
      db.prepare("INSERT INTO job_items (job_id, item_id, archive_key, state) VALUES ('no-such-job', 'i-1', 'k', 'pending')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reopens an up-to-date library without changing it', () => {
    const first = temp.open();
    const file = first.file;
    first.db.prepare("INSERT INTO jobs VALUES ('j-1', 'archive', '{}', 'paused', 'now', 'now', NULL)").run();
    const schema = ourSchema(first.db);
    first.close();
    first.close(); // closing twice is harmless

    const again = temp.open(file);
    expect(userVersion(again.db)).toBe(LATEST_VERSION);
    expect(ourSchema(again.db)).toEqual(schema);
    expect(again.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 1 });
  });

  it('refuses a library written by a newer TwinArchive, and leaves it alone', () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    temp.open(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();

    expect(() => openLibrary(file)).toThrow('This library was written by a newer TwinArchive: update the app.');
    expect(() => openLibrary(file)).toThrow(NewerLibraryError);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(userVersion(check)).toBe(LATEST_VERSION + 1);
    check.close();
  });

  it('says so in one sentence when the file is not a database', () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    writeFileSync(file, 'this is a spreadsheet, honestly '.repeat(200));
    expect(() => openLibrary(file)).toThrow(/is not a TwinArchive library: choose another file/);
  });
});

describe('migrate', () => {
  it('stops at the version asked for, then continues from there', () => {
    const db = new BetterSqlite3(path.join(temp.folder(), 'library.sqlite'));
    const steps: Migration[] = [
      { version: 1, up: (handle) => handle.exec('CREATE TABLE one (x)') },
      { version: 2, up: (handle) => handle.exec('ALTER TABLE one ADD COLUMN y DEFAULT 7') },
    ];
    expect(migrate(db, { migrations: steps, to: 1 })).toBe(1);
    db.exec('INSERT INTO one (x) VALUES (1)');
    expect(migrate(db, { migrations: steps })).toBe(2);
    expect(db.prepare('SELECT x, y FROM one').all()).toEqual([{ x: 1, y: 7 }]);
    db.close();
  });

  it('rolls a failing migration back whole, keeping the version before it', () => {
    const db = new BetterSqlite3(path.join(temp.folder(), 'library.sqlite'));
    const steps: Migration[] = [
      { version: 1, up: (handle) => handle.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        up: (handle) => {
          handle.exec('CREATE TABLE two (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, { migrations: steps })).toThrow('boom');
    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['one']);
    db.close();
  });

  it('refuses migrations that are not numbered 1, 2, 3, ...', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, { migrations: [{ version: 2, up: () => undefined }] })).toThrow(/versions must be 1, 2, 3/);
    db.close();
  });
});

describe('data folder', () => {
  const home = '/home/an';

  it('prefers TWINARCHIVE_DATA_DIR', () => {
    expect(defaultDataDir({ env: { TWINARCHIVE_DATA_DIR: '/srv/ta', XDG_DATA_HOME: '/x' }, platform: 'linux', homeDir: home })).toBe('/srv/ta');
  });

  it.each([
    ['win32', { APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'C:\\Users\\an\\AppData\\Roaming\\TwinArchive'],
    ['darwin', {}, '/home/an/Library/Application Support/TwinArchive'],
    ['linux', { XDG_DATA_HOME: '/data/an' }, '/data/an/twinarchive'],
    ['linux', { XDG_DATA_HOME: 'relative/ignored' }, '/home/an/.local/share/twinarchive'],
    ['linux', {}, '/home/an/.local/share/twinarchive'],
  ] as const)('on %s with %o', (platform, env, expected) => {
    expect(defaultDataDir({ env, platform, homeDir: home })).toBe(expected);
  });

  it('names the library file inside it', () => {
    expect(libraryFile('/srv/ta')).toBe(path.join('/srv/ta', 'library.sqlite'));
  });
});
