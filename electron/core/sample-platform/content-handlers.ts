import type { Fault } from './fault-plan.ts';
import { ifRangeMatches, parseRange } from './http-range.ts';
import type { RequestContext } from './request-context.ts';
import { sendError } from './responses.ts';
import { sendBody } from './send-body.ts';
import { mayRead } from './snapshot-index.ts';
import type { SnapshotItem } from './snapshot-schema.ts';

/** Item bodies (/content) and files (/files), for a signed-in account. */

/** The item when the account may read it; otherwise answers 404 or 403 and returns null. */
function readableItem(context: RequestContext, accountId: string, itemId: string): SnapshotItem | null {
  const item = context.index.itemsById.get(itemId);
  if (item === undefined) {
    sendError(context.res, 404, 'no such item');
    return null;
  }
  if (!mayRead(context.index, item, accountId)) {
    sendError(context.res, 403, 'not allowed to read this item');
    return null;
  }
  return item;
}

export async function sendContent(
  context: RequestContext,
  accountId: string,
  itemId: string,
  fault: Fault | null,
): Promise<void> {
  const item = readableItem(context, accountId, itemId);
  if (item === null) return;
  if (item.body === undefined) {
    sendError(context.res, 404, 'this item has no body');
    return;
  }
  const body = Buffer.from(item.body, 'utf8');
  await sendBody(context.res, context.method, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    length: body.length,
    open: (from, to) => body.subarray(from, to),
  }, fault, context.signal);
}

export async function sendFile(
  context: RequestContext,
  accountId: string,
  itemId: string,
  fileName: string,
  fault: Fault | null,
): Promise<void> {
  const item = readableItem(context, accountId, itemId);
  if (item === null) return;
  const content = context.index.contents.get(item.id);
  if (item.file === undefined || content === undefined || item.file.name !== fileName) {
    sendError(context.res, 404, 'no such file');
    return;
  }
  const size = content.size;
  const etag = `"${await content.sha256()}"`;
  const lastModified = new Date(item.updatedAt ?? item.createdAt);
  const validators = {
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  const headers = {
    ...validators,
    'Content-Type': item.file.mediaType,
    'Cache-Control': 'private, no-cache',
  };
  const { req, res } = context;
  // A stale If-Range means "send everything", whatever the Range says.
  const ifRange = req.headers['if-range'];
  const range = ifRangeMatches(typeof ifRange === 'string' ? ifRange : undefined, etag, lastModified)
    ? parseRange(req.headers.range, size)
    : { kind: 'whole' as const };
  switch (range.kind) {
    case 'malformed':
      sendError(res, 400, 'bad Range header');
      return;
    case 'unsatisfiable':
      sendError(res, 416, 'range not satisfiable', { ...validators, 'Content-Range': `bytes */${size}` });
      return;
    case 'whole':
      await sendBody(res, context.method, {
        status: 200, headers, length: size, open: (from, to) => content.range(from, to),
      }, fault, context.signal, context.bandwidth);
      return;
    case 'part': {
      const { start, end } = range;
      await sendBody(res, context.method, {
        status: 206,
        headers: { ...headers, 'Content-Range': `bytes ${start}-${end - 1}/${size}` },
        length: end - start,
        open: (from, to) => content.range(start + from, start + to),
      }, fault, context.signal, context.bandwidth);
      return;
    }
  }
}
