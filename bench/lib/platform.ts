import { request } from 'node:http';
import { generatedSha256 } from '../../electron/core/sample-platform/generated-content.ts';
import { startSamplePlatform, type RunningSamplePlatform } from '../../electron/core/sample-platform/server.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { BENCH_ACCOUNT, generatedContents } from './bench-snapshot.ts';

/**
 * The sample platform on 127.0.0.1, in this process, with every generated file hashed before
 * it starts: listing answers need the digests, and computing them is not what we time.
 */
export async function startBenchPlatform(snapshot: Snapshot, latencyMs: number): Promise<RunningSamplePlatform> {
  for (const content of generatedContents(snapshot)) await generatedSha256(content.seed, content.size);
  return startSamplePlatform({ snapshot, port: 0, latencyMs, faultSeed: null, expireAfter: null });
}

/** Signs in as a browser would (POST /login) and returns the `session=…` cookie pair. */
export function signInCookie(baseUrl: string): Promise<string> {
  const form = new URLSearchParams({ login: BENCH_ACCOUNT.login, password: BENCH_ACCOUNT.password }).toString();
  return new Promise((resolve, reject) => {
    const call = request(new URL('/login', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(form) },
      timeout: 30_000,
    }, (response) => {
      response.resume();
      const cookie = (response.headers['set-cookie'] ?? [])
        .map((header) => header.split(';')[0]?.trim() ?? '')
        .find((pair) => pair.startsWith('session='));
      if (response.statusCode !== 302 && response.statusCode !== 303) reject(new Error(`Signing in answered HTTP ${response.statusCode ?? '?'}.`));
      else if (cookie === undefined) reject(new Error('Signing in set no session cookie.'));
      else resolve(cookie);
    });
    call.on('timeout', () => call.destroy(new Error('Signing in timed out.')));
    call.on('error', reject);
    call.end(form);
  });
}
