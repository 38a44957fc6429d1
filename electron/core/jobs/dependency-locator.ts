import { ArchiveLocator } from '../archive/pack/archive-locator.ts';
import type { LinkResolver } from '../archive/html/link-target.ts';
import type { PlannedPart } from '../archive/plan/plan-archives.ts';

/**
 * An ArchiveLocator that notes, for every part it resolves links for, which archives the links
 * lead into. A part written while one of those archives' splits is not yet final names files and
 * entries that may still change: it is kept back until they are final, and written again if
 * they changed.
 */
export class DependencyLocator extends ArchiveLocator {
  readonly #dependencies = new Map<PlannedPart, Set<string>>();

  override resolverFor(part: PlannedPart): LinkResolver {
    const resolve = super.resolverFor(part);
    let dependencies = this.#dependencies.get(part);
    if (dependencies === undefined) {
      dependencies = new Set([part.archiveKey]);
      this.#dependencies.set(part, dependencies);
    }
    const noted = dependencies;
    return (target) => {
      const place = this.place(target.itemId);
      if (place !== undefined) noted.add(place.part.archiveKey);
      return resolve(target);
    };
  }

  /** The archives the links of `part` lead into, its own included; forgotten once asked. */
  takeDependencies(part: PlannedPart): Set<string> {
    const dependencies = this.#dependencies.get(part) ?? new Set([part.archiveKey]);
    this.#dependencies.delete(part);
    return dependencies;
  }
}
