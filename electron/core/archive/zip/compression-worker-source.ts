/**
 * The compression worker as source text, run with `new Worker(source, { eval: true })`: a
 * worker file would be a TypeScript module that neither the bundled app nor a plain Node
 * worker could load. It takes one batch of entries packed in one transferred buffer and
 * answers with each entry's CRC-32, SHA-256 and, when deflate made it smaller, its deflated
 * bytes at the same offset in the transferred output buffer; both buffers go back.
 * `prepareInline` in prepared-entry.ts is the same work on the calling thread; the tests
 * hold the two to the same bytes.
 *
 * A worker's garbage is only collected once it has piled up, and a worker allocates little
 * else that would prompt a collection: so the worker keeps one deflate stream, reset between
 * entries, writing straight into the output, and allocates no buffer of its own. When
 * Node's zlib internals are not what this expects, it falls back to deflateRawSync.
 */
export const COMPRESSION_WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const zlib = require('node:zlib');

const engine = zlib.createDeflateRaw();
const handle = engine._handle;
const state = engine._writeState;
const reusable = handle != null && typeof handle.writeSync === 'function' && typeof handle.reset === 'function'
  && state instanceof Uint32Array && state.length >= 2;

/** Deflates data into out (as long as data) and returns the deflated length, or -1 when it is not smaller. */
function deflateInto(data, out) {
  if (data.length === 0) return -1;
  if (!reusable) {
    const deflated = zlib.deflateRawSync(data);
    if (deflated.length >= data.length) return -1;
    out.set(deflated);
    return deflated.length;
  }
  try {
    handle.writeSync(zlib.constants.Z_FINISH, data, 0, data.length, out, 0, out.length);
    // With Z_FINISH, zlib stops with room left in the output only once the stream is complete.
    return state[0] > 0 && state[1] === 0 ? out.length - state[0] : -1;
  } finally {
    handle.reset();
  }
}

parentPort.on('message', (request) => {
  const transfer = [request.input, request.output];
  try {
    const input = Buffer.from(request.input);
    const output = Buffer.from(request.output);
    const crcs = [];
    const sha256s = [];
    const deflatedSizes = [];
    let offset = 0;
    for (let index = 0; index < request.sizes.length; index += 1) {
      const end = offset + request.sizes[index];
      const data = input.subarray(offset, end);
      crcs.push(zlib.crc32(data));
      sha256s.push(createHash('sha256').update(data).digest('hex'));
      deflatedSizes.push(request.compress[index] ? deflateInto(data, output.subarray(offset, end)) : -1);
      offset = end;
    }
    parentPort.postMessage({ id: request.id, input: request.input, output: request.output, deflatedSizes, crcs, sha256s }, transfer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort.postMessage({ id: request.id, input: request.input, output: request.output, error: message }, transfer);
  }
});
`;
