import {
  SHA256_INITIAL_STATE, SHA256_SCHEDULE_WORDS, sha256Compress,
} from './sha256-compress.ts';

/**
 * The padded SHA-256 input for the messages "S:0", "S:1", … of one seed S, one counter at a
 * time, as 32-bit words ready for the compression function.
 *
 * Every whole 64-byte block of the fixed prefix "S:" is compressed once, up front (the
 * midstate). What is left per counter is the tail: the rest of the prefix, the decimal digits
 * and the padding, in one 64-byte block, or two when the padding no longer fits. Going from n to
 * n + 1 rewrites the digits that change, in place, instead of building and encoding a string.
 */

const SHA256_BLOCK_BYTES = 64;
const BLOCK_WORDS = 16;
/** The 0x80 byte and the 64-bit message length in bits that SHA-256 padding adds at least. */
const PADDING_MIN_BYTES = 9;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;

export class CounterMessages {
  /** The state after the prefix's whole 64-byte blocks. */
  readonly midstate = new Int32Array(8);
  /**
   * The tail of the current counter's message as big-endian words: block 1 in [0, 16), block 2
   * (if any) in [64, 80). Each block has 64 entries, so sha256Compress can use it as schedule;
   * it only overwrites entries 16–63 of a block.
   */
  readonly words = new Int32Array(2 * SHA256_SCHEDULE_WORDS);
  /** The tail's 64-byte blocks: 1 or 2. */
  tailBlocks = 1;
  /** The number of digits of the counter. */
  digitCount = 0;
  /** The words of the tail that hold digits, [firstDigitWord, lastDigitWord]. */
  firstDigitWord = 0;
  lastDigitWord = 0;
  /** The counter the words hold; -1 before the first seek. */
  counter = -1;
  /** The first counter with more digits than this one. */
  nextLongerCounter = 0;

  private readonly tail = new Uint8Array(2 * SHA256_BLOCK_BYTES);
  private readonly prefixHashed: number;
  private readonly prefixInTail: number;

  constructor(seed: string) {
    const prefix = Buffer.from(`${seed}:`, 'utf8');
    this.prefixInTail = prefix.length % SHA256_BLOCK_BYTES;
    this.prefixHashed = prefix.length - this.prefixInTail;
    this.midstate.set(SHA256_INITIAL_STATE);
    const block = new Int32Array(SHA256_SCHEDULE_WORDS);
    for (let offset = 0; offset < this.prefixHashed; offset += SHA256_BLOCK_BYTES) {
      packWords(prefix, offset, block, 0, BLOCK_WORDS);
      sha256Compress(this.midstate, block, this.midstate);
    }
    this.tail.set(prefix.subarray(this.prefixHashed));
  }

  /** Points the words at `counter`, rewriting the whole tail unless it already holds it. */
  seek(counter: number): void {
    if (counter === this.counter) return;
    const digits = String(counter);
    const tail = this.tail;
    const digitStart = this.prefixInTail;
    const messageEnd = digitStart + digits.length;
    for (let index = 0; index < digits.length; index += 1) {
      tail[digitStart + index] = digits.charCodeAt(index);
    }
    this.tailBlocks = messageEnd + PADDING_MIN_BYTES <= SHA256_BLOCK_BYTES ? 1 : 2;
    const tailEnd = this.tailBlocks * SHA256_BLOCK_BYTES;
    tail.fill(0, messageEnd, tailEnd);
    tail[messageEnd] = 0x80;
    // The message length in bits, a 64-bit big-endian number; below 2^53, so written in halves.
    const bits = (this.prefixHashed + messageEnd) * 8;
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    view.setUint32(tailEnd - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tailEnd - 4, bits >>> 0);
    for (let block = 0; block < this.tailBlocks; block += 1) {
      packWords(tail, block * SHA256_BLOCK_BYTES, this.words, block * SHA256_SCHEDULE_WORDS,
        BLOCK_WORDS);
    }
    this.digitCount = digits.length;
    this.firstDigitWord = digitStart >> 2;
    this.lastDigitWord = (messageEnd - 1) >> 2;
    this.nextLongerCounter = 10 ** digits.length;
    this.counter = counter;
  }

  /** Moves the words on to the next counter. */
  advance(): void {
    const tail = this.tail;
    const digitStart = this.prefixInTail;
    let index = digitStart + this.digitCount - 1;
    while (index >= digitStart && tail[index] === DIGIT_NINE) {
      tail[index] = DIGIT_ZERO;
      index -= 1;
    }
    if (index < digitStart) {
      // 99…9 + 1 has one more digit: the padding and length move, so rebuild the tail.
      this.seek(this.counter + 1);
      return;
    }
    tail[index] = tail[index]! + 1;
    this.counter += 1;
    for (let word = index >> 2; word <= this.lastDigitWord; word += 1) {
      const at = 4 * word;
      // Word 16 and on belong to block 2, which starts at entry 64.
      const entry = word < BLOCK_WORDS ? word : word + SHA256_SCHEDULE_WORDS - BLOCK_WORDS;
      this.words[entry] = (tail[at]! << 24) | (tail[at + 1]! << 16) | (tail[at + 2]! << 8)
        | tail[at + 3]!;
    }
  }
}

/** Reads `count` big-endian words from `bytes` at `offset` into `words` at `into`. */
function packWords(
  bytes: Uint8Array, offset: number, words: Int32Array, into: number, count: number,
): void {
  for (let word = 0; word < count; word += 1) {
    const at = offset + 4 * word;
    words[into + word] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8)
      | bytes[at + 3]!;
  }
}
