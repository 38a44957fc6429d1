import type { ServerResponse } from 'node:http';
import type { AppEvent } from '../../shared/contract.ts';

/** Proxies and idle timeouts drop a silent stream; a comment line every 15 s keeps it open. */
export const PING_INTERVAL_MS = 15_000;

export interface EventStreams {
  open(res: ServerResponse, subscribe: (listener: (event: AppEvent) => void) => () => void): void;
  closeAll(): void;
}

/** Server-Sent Events: each app event as one `data:` line of JSON. */
export function createEventStreams(pingIntervalMs = PING_INTERVAL_MS): EventStreams {
  const open = new Set<ServerResponse>();
  return {
    open(res, subscribe) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write(': connected\nretry: 2000\n\n');
      open.add(res);
      const unsubscribe = subscribe((event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const ping = setInterval(() => res.write(': ping\n\n'), pingIntervalMs);
      ping.unref();
      res.once('close', () => {
        clearInterval(ping);
        unsubscribe();
        open.delete(res);
      });
    },
    closeAll() {
      for (const res of open) res.end();
    },
  };
}
