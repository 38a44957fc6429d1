import { CounterMessages } from './counter-messages.ts';
import { SHA256_SCHEDULE_WORDS, sha256Compress } from './sha256-compress.ts';
import { SHA256X4_MAX_GROUPS, createSha256x4, type Sha256x4 } from './sha256x4-wasm.ts';

/**
 * Writes the bytes of a generated content (SPEC.md, "Snapshot file"): the 32-byte blocks
 * SHA-256("S:0") ‖ SHA-256("S:1") ‖ … for a seed S, from any block on, without computing the
 * blocks before it. Hashes four counters at a time with WebAssembly SIMD, or one at a time in
 * plain JS where that is unavailable.
 */

const BLOCK_SIZE = 32;
const BLOCK_WORDS = 16;
const LANES = 4;
/** One 64-byte block of four messages in the hasher's memory: 16 words × 4 lanes. */
const GROUP_BLOCK_WORDS = BLOCK_WORDS * LANES;
const BATCH_BLOCKS = SHA256X4_MAX_GROUPS * LANES;

export type GeneratedBlocksEngine = 'simd' | 'scalar';

/** The shared 4-lane hasher and which messages its constant words were last written for. */
interface SharedHasher {
  readonly hasher: Sha256x4;
  owner: CounterMessages | null;
  ownerDigitCount: number;
  /** Message slots [0, this) hold the owner's constant words (prefix, padding, length). */
  preparedSlots: number;
}

let shared: SharedHasher | null | undefined;

function sharedHasher(): SharedHasher | null {
  if (shared === undefined) {
    const hasher = createSha256x4();
    shared = hasher === null
      ? null
      : { hasher, owner: null, ownerDigitCount: 0, preparedSlots: 0 };
  }
  return shared;
}

/** The engine that `new GeneratedBlocks(seed)` uses in this process. */
export function defaultGeneratedBlocksEngine(): GeneratedBlocksEngine {
  return sharedHasher() === null ? 'scalar' : 'simd';
}

export class GeneratedBlocks {
  private readonly messages: CounterMessages;
  private readonly simd: SharedHasher | null;
  /** Scratch space of the scalar engine: the state between two blocks, the digest, the bytes. */
  private readonly scalarDigests = new Int32Array(2 * 8);
  private scalarBytes: Uint8Array | null = null;

  constructor(seed: string, engine: GeneratedBlocksEngine = defaultGeneratedBlocksEngine()) {
    this.messages = new CounterMessages(seed);
    this.simd = engine === 'simd' ? sharedHasher() : null;
    if (engine === 'simd' && this.simd === null) {
      throw new Error('WebAssembly SIMD is not available in this process; use the scalar engine.');
    }
  }

  /**
   * Fills `target` with the content bytes that start at offset `start`. A call that continues
   * where the previous one stopped carries on from its counter instead of seeking again.
   */
  fill(start: number, target: Uint8Array): void {
    const end = start + target.length;
    let block = Math.floor(start / BLOCK_SIZE);
    const lastBlock = Math.ceil(end / BLOCK_SIZE);
    let written = 0;
    while (block < lastBlock) {
      this.messages.seek(block);
      // A batch never spans a change of counter length, so all its messages have one layout.
      const count = Math.min(lastBlock - block, BATCH_BLOCKS, this.messages.nextLongerCounter - block);
      const bytes = this.simd === null ? this.hashScalar(count) : this.hashSimd(this.simd, count);
      const from = Math.max(start - block * BLOCK_SIZE, 0);
      const to = Math.min(count * BLOCK_SIZE, end - block * BLOCK_SIZE);
      target.set(bytes.subarray(from, to), written);
      written += to - from;
      block += count;
    }
  }

  /** The digests of the next `count` counters, in plain JS. */
  private hashScalar(count: number): Uint8Array {
    const messages = this.messages;
    const first = messages.words.subarray(0, SHA256_SCHEDULE_WORDS);
    const second = messages.words.subarray(SHA256_SCHEDULE_WORDS);
    const between = this.scalarDigests.subarray(0, 8);
    const digest = this.scalarDigests.subarray(8);
    this.scalarBytes ??= new Uint8Array(BATCH_BLOCKS * BLOCK_SIZE);
    const bytes = this.scalarBytes;
    for (let index = 0; index < count; index += 1) {
      if (messages.tailBlocks === 1) {
        sha256Compress(messages.midstate, first, digest);
      } else {
        sha256Compress(messages.midstate, first, between);
        sha256Compress(between, second, digest);
      }
      for (let word = 0; word < 8; word += 1) {
        const value = digest[word]!;
        const at = index * BLOCK_SIZE + 4 * word;
        bytes[at] = value >>> 24;
        bytes[at + 1] = value >>> 16;
        bytes[at + 2] = value >>> 8;
        bytes[at + 3] = value;
      }
      messages.advance();
    }
    return bytes.subarray(0, count * BLOCK_SIZE);
  }

  /** The digests of the next `count` counters, four at a time in WebAssembly. */
  private hashSimd(simd: SharedHasher, count: number): Uint8Array {
    const messages = this.messages;
    const words = messages.words;
    const lanes = simd.hasher.messages;
    const blocks = messages.tailBlocks;
    // The constant words (prefix, padding, length) depend on the seed and the digit count.
    if (simd.owner !== messages || simd.ownerDigitCount !== messages.digitCount) {
      simd.owner = messages;
      simd.ownerDigitCount = messages.digitCount;
      simd.preparedSlots = 0;
    }
    // Slots already prepared for these messages only need the words that hold digits.
    const prepared = Math.min(simd.preparedSlots, count);
    const firstWord = messages.firstDigitWord;
    const lastWord = messages.lastDigitWord;
    for (let slot = 0; slot < count; slot += 1) {
      const slotBase = Math.floor(slot / LANES) * blocks * GROUP_BLOCK_WORDS + (slot % LANES);
      if (slot < prepared) {
        for (let word = firstWord; word <= lastWord; word += 1) {
          const block = word < BLOCK_WORDS ? 0 : 1;
          const inBlock = word - block * BLOCK_WORDS;
          lanes[slotBase + block * GROUP_BLOCK_WORDS + LANES * inBlock] =
            words[block * SHA256_SCHEDULE_WORDS + inBlock]!;
        }
      } else {
        for (let block = 0; block < blocks; block += 1) {
          const laneBase = slotBase + block * GROUP_BLOCK_WORDS;
          const wordBase = block * SHA256_SCHEDULE_WORDS;
          for (let word = 0; word < BLOCK_WORDS; word += 1) {
            lanes[laneBase + LANES * word] = words[wordBase + word]!;
          }
        }
      }
      messages.advance();
    }
    simd.preparedSlots = Math.max(simd.preparedSlots, count);
    simd.hasher.state.set(messages.midstate);
    simd.hasher.run(Math.ceil(count / LANES), blocks);
    return simd.hasher.digests.subarray(0, count * BLOCK_SIZE);
  }
}
