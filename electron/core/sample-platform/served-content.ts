import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { generatedSha256, generatedStream } from './generated-content.ts';
import type { FileContent } from './snapshot-schema.ts';

/** A file's bytes as the server needs them: size, digest and any byte range. */
export interface ServedContent {
  readonly size: number;
  sha256(): Promise<string>;
  /** Bytes [start, end): a Buffer for contents held in memory, a stream for generated ones. */
  range(start: number, end: number): Buffer | Readable;
}

function inMemory(bytes: Buffer): ServedContent {
  const digest = createHash('sha256').update(bytes).digest('hex');
  return {
    size: bytes.length,
    sha256: () => Promise.resolve(digest),
    range: (start, end) => bytes.subarray(start, end),
  };
}

export function servedContent(content: FileContent): ServedContent {
  switch (content.kind) {
    case 'text':
      return inMemory(Buffer.from(content.text, 'utf8'));
    case 'base64':
      return inMemory(Buffer.from(content.data, 'base64'));
    case 'generated': {
      const { seed, size } = content;
      return {
        size,
        sha256: () => generatedSha256(seed, size),
        range: (start, end) => generatedStream(seed, size, start, end),
      };
    }
  }
}
