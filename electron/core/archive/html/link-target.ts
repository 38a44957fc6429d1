/** A link found in a platform body, as the platform addresses it. */
export type PlatformPath =
  | { kind: 'content'; itemId: string }
  | { kind: 'file'; itemId: string; fileName: string };

/** Where a platform link leads in the archive. */
export type LinkTarget =
  /** An entry in this ZIP, path relative to the ZIP root, unencoded. */
  | { kind: 'entry'; path: string }
  /** Archived in another ZIP, or not archived: shown as text with this note. */
  | { kind: 'elsewhere'; label: string };

export type LinkResolver = (platformPath: PlatformPath) => LinkTarget;
