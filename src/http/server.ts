import * as restify from 'restify';
import type { Log } from '../log';
import { activityProblem, MAX_BODY_BYTES } from './activity-shape';
import { turnOf, withTurn } from '../telemetry/turn-context';
import { observedTurn, type TurnTelemetry } from '../telemetry/turn-telemetry';
import { turnGate } from './turn-gate';

/** The Bot Framework adapter as the server uses it (src/bot/adapter.ts): a request's activity in, its answer out. */
export interface ActivityAnswerer<Context> {
  answer(
    authorization: string,
    body: Record<string, unknown>,
    logic: (context: Context) => Promise<void>,
  ): Promise<{ status: number; body?: unknown; refusedBecause?: unknown }>;
}

/** What the HTTP server hands requests to; it holds no logic of its own. */
export interface ServerDeps<Context> {
  adapter: ActivityAnswerer<Context>;
  bot: { run(context: Context): Promise<void> };
  log: Log;
  /** Extra health details (e.g. the store's state), merged into `/healthz`; it may set `status` itself. Throwing means 503. */
  health?: () => Promise<object>;
  /**
   * Readiness for `/readyz`: 200 with its body when `status` is `ready`, else 503 with the same body. Without
   * it `/readyz` answers ready with no checks; throwing means 503.
   */
  readiness?: () => Promise<{ status: 'ready' | 'not_ready' }>;
  /** Traces and metrics of each turn, when telemetry is exported; without it a turn is answered as it always was. */
  telemetry?: TurnTelemetry;
  /**
   * Authenticated mode (an app id is configured): a request to `/api/messages` without a Bearer token is
   * refused 401 before its body is read; the adapter checks the token itself.
   */
  requireBearer?: boolean;
  /** Anonymous mode: requests from another machine are refused 403 (the identity in a body is not checked). */
  loopbackOnly?: boolean;
}

/**
 * The restify server: `POST /api/messages` goes to the Bot Framework adapter and on to the bot;
 * `GET /livez` (the process answers), `GET /readyz` (it can do its work) and `GET /healthz` (kept for
 * compatibility) answer the platform's probes. Not yet listening.
 */
export function createServer<Context>({
  adapter,
  bot,
  log,
  health,
  readiness,
  telemetry,
  requireBearer = false,
  loopbackOnly = false,
}: ServerDeps<Context>): restify.Server {
  const server = restify.createServer({ name: 'plandesk' });
  if (loopbackOnly) {
    // Checked per request rather than by listening on 127.0.0.1: "localhost" resolves to ::1 first on some
    // machines, and a Playground or Emulator on this machine must reach the bot by either.
    server.use((req, res, next) => {
      if (req.path() === '/api/messages' && !isLoopback(req.socket.remoteAddress)) {
        res.send(403, { error: 'anonymous mode answers requests from this machine only' });
        return next(false);
      }
      return next();
    });
  }
  if (requireBearer) {
    // Before the body parser: a caller without a token costs a header's reading, not a body's.
    server.use((req, res, next) => {
      if (
        req.method === 'POST' &&
        req.path() === '/api/messages' &&
        !/^Bearer \S/.test(req.header('authorization') ?? '')
      ) {
        res.send(401, { error: 'unauthorized' });
        return next(false);
      }
      return next();
    });
  }
  // CloudAdapter reads `req.body` and expects middleware to have parsed it; the size is checked while
  // it streams in (413 past MAX_BODY_BYTES), and JSON that does not parse is answered 400.
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  const turnBegins = turnGate();
  server.post('/api/messages', async (req, res) => {
    await turnBegins();
    const problem = activityProblem(req.body, requireBearer);
    if (problem) {
      log.info('activity refused', { code: 'bad_activity', problem });
      res.send(400, { error: 'bad_activity', message: problem });
      return;
    }
    const body = req.body as Record<string, unknown>;
    // Every line logged while the turn is answered carries its activity id, conversation and verb.
    const turn = turnOf(body);
    await withTurn(turn, () =>
      telemetry ? observedTurn(telemetry, turn, () => answerTurn(body, req, res)) : answerTurn(body, req, res),
    );
  });

  /** Answers a turn and resolves with the status sent. */
  const answerTurn = async (body: Record<string, unknown>, req: restify.Request, res: restify.Response) => {
    try {
      const answer = await adapter.answer(req.header('authorization') ?? '', body, (c) => bot.run(c));
      if (answer.refusedBecause !== undefined)
        log.warn('request not authenticated', { code: 'unauthenticated', error: answer.refusedBecause });
      if (answer.body === undefined) res.send(answer.status);
      else res.send(answer.status, answer.body);
      return answer.status;
    } catch (error) {
      log.error('turn failed', { code: 'turn_failed', error });
      res.send(500, { error: 'internal' });
      return 500;
    }
  };

  // Liveness: the process answers. It reads nothing, so a slow store never gets a live process restarted.
  server.get('/livez', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.get('/healthz', async (_req, res) => {
    try {
      res.send(200, { status: 'ok', ...(health ? await health() : {}) });
    } catch (error) {
      log.error('health check failed', { code: 'health_failed', error });
      res.send(503, { status: 'unavailable' });
    }
  });

  // Readiness: this instance can do its work (store, scheduler, calendar); the reasons are in the body either way.
  // Logged when it changes, not at every probe.
  let wasReady = true;
  server.get('/readyz', async (_req, res) => {
    try {
      const ready = readiness ? await readiness() : { status: 'ready' as const, reasons: [], checks: {} };
      if ((ready.status === 'ready') !== wasReady) {
        wasReady = ready.status === 'ready';
        if (wasReady) log.info('ready again', { code: 'ready' });
        else log.warn('not ready', { code: 'not_ready', readiness: ready });
      }
      res.send(ready.status === 'ready' ? 200 : 503, ready);
    } catch (error) {
      log.error('readiness check failed', { code: 'readiness_failed', error });
      res.send(503, {
        status: 'not_ready',
        reasons: [{ check: 'readiness', status: 'fail', code: 'readiness_failed' }],
      });
    }
  });

  server.on('after', (req: restify.Request, res: restify.Response) => {
    if (res.statusCode >= 500)
      log.error('request failed', {
        code: 'http_failed',
        method: req.method,
        path: req.path(),
        status: res.statusCode,
      });
  });
  return server;
}

/** Whether a peer's address is this machine's (IPv4 127/8, IPv6 ::1, or 127/8 mapped into IPv6). */
export const isLoopback = (address: string | undefined): boolean =>
  address === '::1' || /^(::ffff:)?127\./.test(address ?? '');

/** Starts listening (port 0 picks a free one) and resolves with where, or rejects if the port cannot be had. */
export function listen(server: restify.Server, port: number, host?: string): Promise<restify.AddressInterface> {
  return new Promise((resolve, reject) => {
    // restify re-emits the node server's 'error' on itself, where an unheard 'error' would crash the process.
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve(server.address());
    });
  });
}

/** Stops accepting connections and resolves when open ones have finished (idle keep-alive ones are closed at once). */
export function close(server: restify.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
