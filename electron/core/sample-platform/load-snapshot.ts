import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { findSnapshotProblem } from './snapshot-integrity.ts';
import { SnapshotSchema, type Snapshot } from './snapshot-schema.ts';

/** The demo snapshot shipped with the product. */
export function defaultSnapshotPath(): string {
  return fileURLToPath(new URL('../../../resources/snapshots/demo.json', import.meta.url));
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it does not match the snapshot format';
  const where = issuePath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** Reads and checks a snapshot file; every failure names the file and its first problem. */
export async function loadSnapshot(path: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not read the snapshot ${path} (${reason}); check the path.`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The snapshot ${path} is not valid JSON (${reason}); fix or replace the file.`, {
      cause: error,
    });
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `The snapshot ${path} is not a valid snapshot (${describeIssue(parsed.error)}); fix or replace the file.`,
      { cause: parsed.error },
    );
  }
  const problem = findSnapshotProblem(parsed.data);
  if (problem !== null) {
    throw new Error(`The snapshot ${path} is inconsistent: ${problem}; fix or replace the file.`);
  }
  return parsed.data;
}
