import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppCallError } from './call-error.ts';

async function real(file: string): Promise<string> {
  const resolved = path.resolve(file);
  return await realpath(resolved).catch(() => resolved);
}

/**
 * The UI may only have TwinArchive's own files and folders opened (archives, reports, the data
 * folder): opening an arbitrary path would let a compromised page start any program. Links are
 * resolved first, so one cannot point out of an allowed folder.
 */
export async function assertOpenable(candidate: string, roots: readonly string[]): Promise<string> {
  if (!path.isAbsolute(candidate)) {
    throw new AppCallError('TwinArchive can only open a full path: choose the file again.', 'PATH_NOT_ALLOWED');
  }
  const target = await real(candidate);
  for (const root of roots) {
    const allowed = await real(root);
    if (target === allowed || target.startsWith(allowed.endsWith(path.sep) ? allowed : allowed + path.sep)) return path.resolve(candidate);
  }
  throw new AppCallError('TwinArchive only opens its own archives, reports and folders: open that one from your file manager instead.', 'PATH_NOT_ALLOWED');
}
