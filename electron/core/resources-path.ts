import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repo's (or the packaged app's) `resources/` folder, whatever the working directory. */
export function resourcesPath(...segments: string[]): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, '..', '..', 'resources', ...segments);
}
