import { SHA256_ROUND_CONSTANTS } from './sha256-compress.ts';

/**
 * SHA-256 of four messages at once, one per 32-bit lane of WebAssembly SIMD vectors. For
 * messages of one or two 64-byte blocks this is several times faster than the same rounds in
 * plain JS (sha256-compress.ts) and over ten times faster than a node:crypto call per message,
 * whose cost is mostly the call itself.
 *
 * The module is assembled here, at load time, from the FIPS 180-4 round definitions below,
 * rather than shipped as an opaque binary. Its one function, run(groups, blocks), hashes
 * `groups` groups of four messages that are each `blocks` 64-byte blocks long (already padded),
 * all starting from the same state, and writes the 32-byte digests in message order.
 *
 * Memory layout (bytes):
 *   [0, 32)          the starting state, 8 words
 *   [MESSAGES, …)    group g, block b: 16 words × 4 lanes, word i of lane l at
 *                    MESSAGES + (g × blocks + b) × 256 + 16 × i + 4 × l (little-endian)
 *   [OUTPUT, …)      message 4g + l's digest at OUTPUT + 32 × (4g + l), big-endian bytes
 */

export const SHA256X4_MAX_GROUPS = 512;
export const SHA256X4_MAX_BLOCKS = 2;
const MESSAGES = 64;
const GROUP_BLOCK_BYTES = 256;
const GROUP_OUTPUT_BYTES = 4 * 32;
const OUTPUT = MESSAGES + SHA256X4_MAX_GROUPS * SHA256X4_MAX_BLOCKS * GROUP_BLOCK_BYTES;
const PAGE_BYTES = 65536;
const PAGES = Math.ceil((OUTPUT + SHA256X4_MAX_GROUPS * GROUP_OUTPUT_BYTES) / PAGE_BYTES);

export interface Sha256x4 {
  /** The starting state shared by all messages. */
  readonly state: Int32Array;
  /** The message words, laid out as above; index (g × blocks + b) × 64 + 4 × i + l. */
  readonly messages: Int32Array;
  /** The digests of the last run, 32 bytes per message in order. */
  readonly digests: Uint8Array;
  run(groups: number, blocks: number): void;
}

// --- A minimal WebAssembly encoder: just what the function below needs. ---

type Code = number[];

function unsignedLeb(value: number): Code {
  const out: Code = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return out;
}

function signedLeb(value: number): Code {
  const out: Code = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

const I32 = 0x7f;
const V128 = 0x7b;
const EMPTY_BLOCK_TYPE = 0x40;
const op = {
  block: 0x02, loop: 0x03, end: 0x0b, br: 0x0c, brIf: 0x0d,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Const: 0x41, i32GeU: 0x4f, i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c,
} as const;
const simdOp = {
  load: 0x00, load32Splat: 0x09, store: 0x0b, shuffle: 0x0d, i32x4Splat: 0x11,
  and: 0x4e, or: 0x50, xor: 0x51, shl: 0xab, shrU: 0xad, add: 0xae,
} as const;
/** memarg alignment exponents: 16-byte vectors, 4-byte words. */
const ALIGN_16 = 4;
const ALIGN_4 = 2;

const simd = (code: number): Code => [0xfd, ...unsignedLeb(code)];
const get = (local: number): Code => [op.localGet, ...unsignedLeb(local)];
const set = (local: number, value: Code): Code => [...value, op.localSet, ...unsignedLeb(local)];
const i32 = (value: number): Code => [op.i32Const, ...signedLeb(value)];
const add = (x: Code, y: Code): Code => [...x, ...y, ...simd(simdOp.add)];
const xor = (x: Code, y: Code): Code => [...x, ...y, ...simd(simdOp.xor)];
const and = (x: Code, y: Code): Code => [...x, ...y, ...simd(simdOp.and)];
const or = (x: Code, y: Code): Code => [...x, ...y, ...simd(simdOp.or)];
const shl = (x: Code, bits: number): Code => [...x, ...i32(bits), ...simd(simdOp.shl)];
const shr = (x: Code, bits: number): Code => [...x, ...i32(bits), ...simd(simdOp.shrU)];
const rotr = (x: Code, bits: number): Code => or(shr(x, bits), shl(x, 32 - bits));
const splat = (value: number): Code => [...i32(value), ...simd(simdOp.i32x4Splat)];
const load = (address: Code, offset: number): Code =>
  [...address, ...simd(simdOp.load), ALIGN_16, ...unsignedLeb(offset)];
const loadSplat = (offset: number): Code =>
  [...i32(0), ...simd(simdOp.load32Splat), ALIGN_4, ...unsignedLeb(offset)];
const store = (address: Code, offset: number, value: Code): Code =>
  [...address, ...value, ...simd(simdOp.store), ALIGN_16, ...unsignedLeb(offset)];
/** Picks 16 bytes out of x ‖ y (indices 0–15 from x, 16–31 from y). */
const shuffle = (x: Code, y: Code, bytes: readonly number[]): Code =>
  [...x, ...y, ...simd(simdOp.shuffle), ...bytes];

// --- The function. ---

// Parameters, then i32 locals, then v128 locals.
const GROUPS = 0;
const BLOCKS = 1;
const MESSAGE_AT = 2;
const OUTPUT_AT = 3;
const OUTPUT_END = 4;
const BLOCKS_LEFT = 5;
const I32_LOCALS = 4;
const W = 6; // 16 schedule words
const S = W + 16; // 8 working variables
const H = S + 8; // 8 chaining values
const T1 = H + 8;
const X = T1 + 1; // 4 temporaries for the transposition
const V128_LOCALS = X + 4 - W;

/** The 64 rounds on W[0..15] into the working variables, the schedule computed as it goes. */
function rounds(): Code {
  const code: Code = [];
  const w = (t: number): number => W + (t % 16);
  for (let t = 0; t < 64; t += 1) {
    // Instead of moving a..h along after each round, rename them: role r in round t lives in
    // local S + (r − t) mod 8.
    const role = (r: number): number => S + ((((r - t) % 8) + 8) % 8);
    const [a, b, c, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7].map(role) as
      [number, number, number, number, number, number, number, number];
    if (t >= 16) {
      const x = get(w(t - 15));
      const y = get(w(t - 2));
      const sigma0 = xor(xor(rotr(x, 7), rotr(x, 18)), shr(x, 3));
      const sigma1 = xor(xor(rotr(y, 17), rotr(y, 19)), shr(y, 10));
      code.push(...set(w(t), add(add(add(sigma1, get(w(t - 7))), sigma0), get(w(t)))));
    }
    const ev = get(e);
    const sum1 = xor(xor(rotr(ev, 6), rotr(ev, 11)), rotr(ev, 25));
    const choose = xor(get(g), and(ev, xor(get(f), get(g))));
    const k = SHA256_ROUND_CONSTANTS[t] ?? 0;
    code.push(...set(T1, add(add(add(add(get(h), sum1), choose), splat(k)), get(w(t)))));
    code.push(...set(d, add(get(d), get(T1))));
    const av = get(a);
    const sum0 = xor(xor(rotr(av, 2), rotr(av, 13)), rotr(av, 22));
    const majority = or(and(av, get(b)), and(get(c), or(av, get(b))));
    code.push(...set(h, add(add(get(T1), sum0), majority)));
  }
  return code;
}

/** Writes the 8 chaining vectors as four 32-byte big-endian digests, lane by lane. */
function storeDigests(): Code {
  const code: Code = [];
  const interleaveLow = [0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23];
  const interleaveHigh = interleaveLow.map((index) => index + 8);
  // Takes 64-bit halves of two interleaved vectors and reverses the bytes of every word.
  const swapLow = [3, 2, 1, 0, 7, 6, 5, 4, 19, 18, 17, 16, 23, 22, 21, 20];
  const swapHigh = swapLow.map((index) => index + 8);
  for (const half of [0, 1]) {
    const [p, q, r, s] = [0, 1, 2, 3].map((i) => get(H + 4 * half + i)) as [Code, Code, Code, Code];
    const [x0, x1, x2, x3] = [0, 1, 2, 3].map((i) => X + i) as [number, number, number, number];
    code.push(...set(x0, shuffle(p, q, interleaveLow)), ...set(x1, shuffle(p, q, interleaveHigh)));
    code.push(...set(x2, shuffle(r, s, interleaveLow)), ...set(x3, shuffle(r, s, interleaveHigh)));
    const lanes = [
      shuffle(get(x0), get(x2), swapLow), shuffle(get(x0), get(x2), swapHigh),
      shuffle(get(x1), get(x3), swapLow), shuffle(get(x1), get(x3), swapHigh),
    ];
    lanes.forEach((value, lane) => code.push(...store(get(OUTPUT_AT), 32 * lane + 16 * half, value)));
  }
  return code;
}

function runBody(): Code {
  const code: Code = [];
  code.push(...set(MESSAGE_AT, i32(MESSAGES)), ...set(OUTPUT_AT, i32(OUTPUT)));
  code.push(...set(OUTPUT_END,
    [...get(GROUPS), ...i32(GROUP_OUTPUT_BYTES), op.i32Mul, ...i32(OUTPUT), op.i32Add]));
  code.push(op.block, EMPTY_BLOCK_TYPE, op.loop, EMPTY_BLOCK_TYPE);
  code.push(...get(OUTPUT_AT), ...get(OUTPUT_END), op.i32GeU, op.brIf, 1);
  for (let i = 0; i < 8; i += 1) code.push(...set(H + i, loadSplat(4 * i)));
  code.push(...set(BLOCKS_LEFT, get(BLOCKS)));
  code.push(op.loop, EMPTY_BLOCK_TYPE);
  for (let i = 0; i < 16; i += 1) code.push(...set(W + i, load(get(MESSAGE_AT), 16 * i)));
  for (let i = 0; i < 8; i += 1) code.push(...set(S + i, get(H + i)));
  code.push(...rounds());
  for (let i = 0; i < 8; i += 1) code.push(...set(H + i, add(get(H + i), get(S + i))));
  code.push(...set(MESSAGE_AT, [...get(MESSAGE_AT), ...i32(GROUP_BLOCK_BYTES), op.i32Add]));
  code.push(...get(BLOCKS_LEFT), ...i32(1), op.i32Sub, op.localTee, BLOCKS_LEFT, op.brIf, 0, op.end);
  code.push(...storeDigests());
  code.push(...set(OUTPUT_AT, [...get(OUTPUT_AT), ...i32(GROUP_OUTPUT_BYTES), op.i32Add]));
  code.push(op.br, 0, op.end, op.end, op.end);
  return code;
}

function section(id: number, content: Code): Code {
  return [id, ...unsignedLeb(content.length), ...content];
}

function name(text: string): Code {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...unsignedLeb(bytes.length), ...bytes];
}

const EXPORT_FUNCTION = 0x00;
const EXPORT_MEMORY = 0x02;

function moduleBytes(): Uint8Array {
  const locals = [2, ...unsignedLeb(I32_LOCALS), I32, ...unsignedLeb(V128_LOCALS), V128];
  const body = [...locals, ...runBody()];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 2, I32, I32, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, ...unsignedLeb(PAGES)]),
    ...section(7, [2, ...name('memory'), EXPORT_MEMORY, 0, ...name('run'), EXPORT_FUNCTION, 0]),
    ...section(10, [1, ...unsignedLeb(body.length), ...body]),
  ]);
}

/** The part of the WebAssembly JS API used here: Node's typings leave it to lib.dom. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number }) => WasmMemory;
}

function wasmApi(): WasmApi | null {
  const api: unknown = Reflect.get(globalThis, 'WebAssembly');
  return typeof api === 'object' && api !== null ? (api as WasmApi) : null;
}

let compiled: { api: WasmApi; module: object } | null | undefined;

/** Wasm memory is little-endian; the message words are written through an Int32Array. */
const littleEndianHost = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * A new 4-lane hasher with its own memory, or null where WebAssembly SIMD is unavailable
 * (`--jitless`, exotic builds, big-endian hosts): callers then hash in plain JS.
 */
export function createSha256x4(): Sha256x4 | null {
  if (compiled === undefined) {
    const api = wasmApi();
    const bytes = moduleBytes();
    compiled = api !== null && littleEndianHost && api.validate(bytes)
      ? { api, module: new api.Module(bytes) }
      : null;
  }
  if (compiled === null) return null;
  const { exports } = new compiled.api.Instance(compiled.module);
  const memory = exports['memory'];
  const run = exports['run'];
  if (!(memory instanceof compiled.api.Memory) || typeof run !== 'function') {
    throw new Error('The SHA-256 WebAssembly module lacks its exports.');
  }
  const buffer = memory.buffer;
  return {
    state: new Int32Array(buffer, 0, 8),
    messages: new Int32Array(buffer, MESSAGES, (OUTPUT - MESSAGES) / 4),
    digests: new Uint8Array(buffer, OUTPUT, SHA256X4_MAX_GROUPS * GROUP_OUTPUT_BYTES),
    run: (groups, blocks) => {
      if (!Number.isInteger(groups) || groups < 0 || groups > SHA256X4_MAX_GROUPS
        || !Number.isInteger(blocks) || blocks < 1 || blocks > SHA256X4_MAX_BLOCKS) {
        throw new RangeError(`Cannot hash ${groups} groups of ${blocks} blocks at once.`);
      }
      (run as (groups: number, blocks: number) => void)(groups, blocks);
    },
  };
}
