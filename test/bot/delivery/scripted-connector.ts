import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** How the stand-in answers one request: a status (with headers and a body), or silence for a while. */
type Reply = { status: number; headers?: Record<string, string>; body?: unknown };
export type Answer = Reply | { silentMs: number };

/** One request the stand-in received. `delivered`: it answered 2xx, so the message counts as shown in Teams. */
export interface ConnectorRequest {
  conversation: string;
  method: string;
  body: Partial<Activity>;
  /** performance.now() when the request had arrived in full. */
  arrivedAt: number;
  answeredAt: number;
  status: number | 'abandoned';
  delivered: boolean;
}

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
}

/**
 * A Bot Connector stand-in that answers each conversation from a script (then 201 with a fresh
 * activity id), and records every request with its arrival time. A request answered with silence
 * whose client hangs up meanwhile counts as not delivered, like a gateway that never passed it on.
 */
export async function startScriptedConnector() {
  const requests: ConnectorRequest[] = [];
  const scripts = new Map<string, Answer[]>();
  let ids = 0;
  const server: Server = createServer((req, res) => {
    void readJson(req).then(async (body) => {
      const arrivedAt = performance.now();
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      const scripted = scripts.get(conversation)?.shift();
      const record = (status: number | 'abandoned') => {
        requests.push({
          conversation,
          method: req.method ?? '',
          body,
          arrivedAt,
          answeredAt: performance.now(),
          status,
          delivered: typeof status === 'number' && status < 300,
        });
      };
      if (scripted && 'silentMs' in scripted) {
        let hungUp = false;
        res.on('close', () => {
          hungUp = !res.writableEnded;
        });
        await new Promise((resolve) => setTimeout(resolve, scripted.silentMs));
        if (hungUp) return record('abandoned');
      }
      const fine: Reply = { status: req.method === 'PUT' ? 200 : 201, body: { id: `act-${++ids}` } };
      const { status, headers = {}, body: payload } = scripted && !('silentMs' in scripted) ? scripted : fine;
      record(status);
      // A string body goes as plain text, as a gateway's error page would.
      res.writeHead(status, {
        'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json',
        ...headers,
      });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** The next answers for a conversation. */
    script: (conversation: string, ...answers: Answer[]) =>
      scripts.set(conversation, [...(scripts.get(conversation) ?? []), ...answers]),
    /** Requests into one conversation, in the order they arrived. */
    to: (conversation: string) =>
      requests.filter((r) => r.conversation === conversation).sort((a, b) => a.arrivedAt - b.arrivedAt),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
