import type { CloudAdapter, TurnContext } from 'botbuilder';
import * as restify from 'restify';
import type { Log } from '../log';

/** What the HTTP server hands requests to; it holds no logic of its own. */
export interface ServerDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  log: Log;
  /** Extra health details (e.g. the store's state), merged into `/healthz`; it may set `status` itself. Throwing means 503. */
  health?: () => Promise<object>;
}

/**
 * The restify server: `POST /api/messages` goes to the Bot Framework adapter and on to the bot;
 * `GET /healthz` answers 200 `{ status: 'ok', ... }` for the platform's probes. Not yet listening.
 */
export function createServer({ adapter, bot, log, health }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'plandesk' });
  // CloudAdapter reads `req.body` and expects middleware to have parsed it.
  server.use(restify.plugins.bodyParser());

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      res.send(200, { status: 'ok', ...(health ? await health() : {}) });
    } catch (error) {
      log.error('health check failed', { code: 'health_failed', error });
      res.send(503, { status: 'unavailable' });
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
