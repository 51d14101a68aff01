import { generator } from '../../../src/domain/spot-check';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** What the stand-in did with one request: took it (Teams posts it), or failed it one of the ways Teams fails. */
export type Fault = 'none' | 'throttled' | 'server_error' | 'bad_gateway' | 'timeout' | 'reset' | 'forbidden';
export const FAULTS: readonly Exclude<Fault, 'none'>[] = [
  'throttled',
  'server_error',
  'bad_gateway',
  'timeout',
  'reset',
  'forbidden',
];

export interface FaultyCall {
  n: number;
  method: string;
  conversationId: string;
  body: Partial<Activity>;
  fault: Fault;
  receivedAt: number;
  /** Teams has the message: answered 200, or held past the bot's deadline (a timeout Teams took anyway). */
  taken: boolean;
  /** The bot read the answer: false for a held request, and for an answer the bot was killed before reading. */
  answered: boolean;
}

export interface FaultyConnector {
  url: string;
  readonly calls: readonly FaultyCall[];
  /** Faults from now on at this share of requests (0: every request taken). */
  setFailureRate(rate: number): void;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32, the spot check's), so a run's faults can be told by its seed. */
export const seeded = generator;

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return (text ? JSON.parse(text) : {}) as Partial<Activity>;
}

const ERRORS: Record<'throttled' | 'server_error' | 'bad_gateway' | 'forbidden', [number, string]> = {
  throttled: [429, 'Throttled'],
  server_error: [500, 'InternalServerError'],
  bad_gateway: [502, 'BadGateway'],
  // A 403 that names no reason: the bot takes the conversation for gone until the person writes again.
  forbidden: [403, 'Forbidden'],
};

/**
 * A Bot Connector stand-in that fails `rate` of the requests it gets, each fault equally likely: 429 with
 * Retry-After: 1, 500, 502, 403, a connection reset before the request is read (not taken), and a
 * timeout (taken, as Teams would have posted it, but never answered). The rest are answered
 * `{ id: 'reply-N' }`. Every request is recorded with what became of it.
 */
export async function startFaultyConnector(seed: number): Promise<FaultyConnector> {
  const calls: FaultyCall[] = [];
  const random = seeded(seed);
  let rate = 0;
  const server: Server = createServer((req, res) => {
    const fault: Fault = random() < rate ? (FAULTS[Math.floor(random() * FAULTS.length)] ?? 'reset') : 'none';
    if (fault === 'reset') {
      calls.push({
        n: calls.length + 1,
        method: req.method ?? '',
        conversationId: '',
        body: {},
        fault,
        receivedAt: Date.now(),
        taken: false,
        answered: false,
      });
      req.socket.destroy();
      return;
    }
    void readJson(req).then(
      (body) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(path);
        const call: FaultyCall = {
          n: calls.length + 1,
          method: req.method ?? '',
          conversationId: decodeURIComponent(match?.[1] ?? ''),
          body,
          fault,
          receivedAt: Date.now(),
          taken: fault === 'none' || fault === 'timeout',
          answered: false,
        };
        calls.push(call);
        if (fault === 'timeout') return; // held until the bot gives up and closes the socket
        if (fault !== 'none') {
          const [status, code] = ERRORS[fault];
          res.writeHead(status, {
            'content-type': 'application/json',
            ...(status === 429 ? { 'retry-after': '1' } : {}),
          });
          res.end(JSON.stringify({ error: { code, message: `stand-in fault: ${fault}` } }));
          return;
        }
        // Not chained: restify patches http.ServerResponse#writeHead process-wide, and its version returns nothing.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${call.n}` }), () => {
          call.answered = !res.destroyed;
        });
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setFailureRate: (r) => {
      rate = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
