import { COMPONENT_LIMITS, isSafeComponent } from './component-name.ts';
import { isWellFormedNfc } from './name-measure.ts';

/**
 * Windows refuses paths over 260 UTF-16 units (MAX_PATH) unless long paths are switched on;
 * `C:\Users\firstname.lastname\Downloads\Our Rivers part 1 of 3\` already takes about 60 and
 * some unzip tools add a folder of their own, so entries stay well below.
 */
export const DEFAULT_MAX_PATH_LENGTH = 160;

/**
 * Whether `path` is an entry path this project may write: NFC, valid UTF-8, `/` only between
 * components, every component safe on Windows, macOS and Linux and short enough, the whole at
 * most `maxPathLength` UTF-16 units. Collisions need the other paths and are not checked.
 */
export function isSafeEntryPath(path: string, options: { readonly maxPathLength?: number } = {}): boolean {
  const maxPathLength = options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH;
  return (
    typeof path === 'string' &&
    path.length > 0 &&
    path.length <= maxPathLength &&
    isWellFormedNfc(path) &&
    path.split('/').every((component) => isSafeComponent(component, COMPONENT_LIMITS))
  );
}
