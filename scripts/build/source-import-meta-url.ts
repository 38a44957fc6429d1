import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The expression that stands in for `import.meta.url` in `sourceFile` once it is bundled into a
 * file in `bundleDir`: the URL the source file would have, computed from the bundle's own URL.
 */
export function sourceImportMetaUrl(sourceFile: string, bundleDir: string): string {
  const relative = path.relative(bundleDir, sourceFile).split(path.sep).join('/');
  return `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
}

/** Replaces every `import.meta.url` in `code` (not inside a longer name) with `replacement`. */
export function replaceImportMetaUrl(code: string, replacement: string): string {
  return code.replace(/\bimport\.meta\.url\b(?!\s*[\w$])/g, replacement);
}

/**
 * The core finds its data files relative to its own source file (`new URL('../../resources/…',
 * import.meta.url)`). Bundled, every module shares the bundle's URL and those paths would
 * point elsewhere. This rewrites `import.meta.url` in our own modules to the URL the source file
 * would have relative to the bundle, so out/main/main.js (two folders below the app root, like
 * electron/core/) finds resources/ in the repo and in app.asar alike.
 */
export function keepSourceImportMetaUrl(options: { root: string; bundleDir: string }): Plugin {
  const root = path.resolve(options.root);
  const bundleDir = path.resolve(options.bundleDir);
  return {
    name: 'twinarchive:source-import-meta-url',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!path.isAbsolute(file) || !file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) return null;
      if (!code.includes('import.meta.url')) return null;
      return { code: replaceImportMetaUrl(code, sourceImportMetaUrl(file, bundleDir)), map: null };
    },
  };
}
