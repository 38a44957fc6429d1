import { describe, expect, it } from 'vitest';
import { ifRangeMatches, parseRange } from '../../electron/core/sample-platform/http-range.ts';

describe('Range header', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-9', { kind: 'part', start: 0, end: 10 }],
    ['bytes=10-', { kind: 'part', start: 10, end: 100 }],
    ['bytes=-10', { kind: 'part', start: 90, end: 100 }],
    ['bytes=-1000', { kind: 'part', start: 0, end: 100 }],
    ['bytes=50-5000', { kind: 'part', start: 50, end: 100 }],
    ['BYTES = 1-1', { kind: 'part', start: 1, end: 2 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=99999999999999999999999-', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=5-1', { kind: 'malformed' }],
    ['bytes=-', { kind: 'malformed' }],
    ['bytes=a-b', { kind: 'malformed' }],
    ['0-5', { kind: 'malformed' }],
  ])('%s', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });

  it('finds nothing to serve in an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('If-Range header', () => {
  const etag = '"abc"';
  const modified = new Date('2019-03-02T10:00:00Z');
  it('matches the strong ETag or the exact Last-Modified date only', () => {
    expect(ifRangeMatches(undefined, etag, modified)).toBe(true);
    expect(ifRangeMatches('"abc"', etag, modified)).toBe(true);
    expect(ifRangeMatches('"abd"', etag, modified)).toBe(false);
    expect(ifRangeMatches('W/"abc"', etag, modified)).toBe(false);
    expect(ifRangeMatches(modified.toUTCString(), etag, modified)).toBe(true);
    expect(ifRangeMatches('Sat, 02 Mar 2019 10:00:01 GMT', etag, modified)).toBe(false);
    expect(ifRangeMatches('yesterday', etag, modified)).toBe(false);
  });
});
