import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../electron/core/platform-client/concurrency-limiter.ts';
import { createPlatformClient } from '../../electron/core/platform-client/platform-client.ts';
import type { Snapshot } from '../../electron/core/sample-platform/snapshot-schema.ts';
import { useSamplePlatforms } from '../helpers/sample-platform.ts';

const startPlatform = useSamplePlatforms();
const LATENCY_MS = 40;

function world(): Snapshot {
  const teacher = (id: string, login: string) => ({ id, login, password: 'demo', name: login, email: `${login}@x.example`, hasEtwinningAccount: true, hasSegAccount: false });
  return {
    format: 'legacy-platform-snapshot/1',
    accounts: [teacher('u1', 'an'), teacher('u2', 'bo')],
    spaces: ['u1', 'u2'].map((member) => ({
      id: `ts-${member}`, kind: 'twinspace' as const, title: member, createdAt: '2019-01-01T00:00:00Z', members: [member], activity: [],
    })),
    items: ['u1', 'u2'].flatMap((owner) => Array.from({ length: 6 }, (_, index) => ({
      id: `${owner}-${index}`, owner, space: `ts-${owner}`, type: 'page' as const, title: `${owner} ${index}`,
      createdAt: '2019-01-01T00:00:00Z', body: `<p>${owner} ${index}</p>`,
    }))),
  };
}

describe('a limiter shared by several platform clients', () => {
  it('bounds the requests in flight of all of them together', async () => {
    const platform = await startPlatform(world(), { latencyMs: LATENCY_MS });
    const limiter = createConcurrencyLimiter(2);
    const clients = ['an', 'bo'].map((login) => createPlatformClient({
      baseUrl: platform.url, credentials: { kind: 'password', login, password: 'demo' }, limiter, concurrency: 64,
    }));
    try {
      await Promise.all(clients.map((client) => client.signIn()));
      let mostActive = 0;
      let mostWaiting = 0;
      const sampler = setInterval(() => {
        mostActive = Math.max(mostActive, limiter.active);
        mostWaiting = Math.max(mostWaiting, limiter.waiting);
      }, 1);
      const started = Date.now();
      const bodies = await Promise.all(clients.flatMap((client, which) =>
        Array.from({ length: 6 }, (_, index) => client.fetchContent(`u${which + 1}-${index}`))));
      const elapsed = Date.now() - started;
      clearInterval(sampler);

      expect(bodies).toEqual(['u1', 'u2'].flatMap((owner) => Array.from({ length: 6 }, (_, index) => `<p>${owner} ${index}</p>`)));
      expect(mostActive).toBe(2);
      // Both clients' requests queued on the one limiter, the client's own concurrency ignored.
      expect(mostWaiting).toBeGreaterThanOrEqual(8);
      // Twelve answers, two at a time, each held back by the platform's latency.
      expect(elapsed).toBeGreaterThanOrEqual(6 * LATENCY_MS);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });
});
