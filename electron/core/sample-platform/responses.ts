import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Complete answers with a body held in memory. */

export function sendBytes(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  sendBytes(res, status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify(value)), headers);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, { error: message }, headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendBytes(res, status, 'text/html; charset=utf-8', Buffer.from(html, 'utf8'), headers);
}

export function redirect(res: ServerResponse, location: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(303, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers });
  res.end();
}
