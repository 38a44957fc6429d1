import { describe, expect, it } from 'vitest';
import { readAhead } from '../../electron/core/archive/pack/read-ahead.ts';
import { hasRoomFor } from '../../electron/core/archive/pack/write-window.ts';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('readAhead', () => {
  it('yields in order with at most `depth` loads at once, and settles one item at a time', async () => {
    let loading = 0;
    let mostLoading = 0;
    let settling = 0;
    let mostSettling = 0;
    const settled: number[] = [];
    const items = Array.from({ length: 40 }, (_, index) => index);
    const results: string[] = [];
    for await (const result of readAhead(items, 4, async (item) => {
      settling += 1;
      mostSettling = Math.max(mostSettling, settling);
      await later(null, item % 3);
      settling -= 1;
      settled.push(item);
      return `#${item}`;
    }, async (item, label) => {
      loading += 1;
      mostLoading = Math.max(mostLoading, loading);
      await later(null, (item * 7) % 5);
      loading -= 1;
      return label;
    })) results.push(result);
    expect(results).toEqual(items.map((item) => `#${item}`));
    expect(settled).toEqual(items);
    expect(mostSettling).toBe(1);
    expect(mostLoading).toBeLessThanOrEqual(4);
    expect(mostLoading).toBeGreaterThan(1);
  });

  it('raises a failure at its own item and settles nothing after it', async () => {
    const settled: number[] = [];
    const seen: number[] = [];
    const run = async () => {
      for await (const item of readAhead([0, 1, 2, 3, 4, 5], 3, async (item) => {
        settled.push(item);
        if (item === 2) throw new Error('staging failed for 2');
        return item;
      }, async (item) => item)) seen.push(item);
    };
    await expect(run()).rejects.toThrow('staging failed for 2');
    expect(seen).toEqual([0, 1]);
    expect(settled).toEqual([0, 1, 2]);
  });
});

describe('hasRoomFor', () => {
  const window = { entries: 3, bytes: 100 };
  it('bounds queued entries and queued bytes, and always lets one entry through', () => {
    expect(hasRoomFor({ pendingBytes: 0 }, 3, window)).toBe(true);
    expect(hasRoomFor({ pendingBytes: 0 }, 4, window)).toBe(false);
    expect(hasRoomFor({ pendingBytes: 100 }, 1, window)).toBe(true);
    expect(hasRoomFor({ pendingBytes: 101 }, 1, window)).toBe(false);
    expect(hasRoomFor({ pendingBytes: 5_000 }, 0, window)).toBe(true);
  });
});
