import type { Server } from 'restify';
import type { Clock } from './app/ports/clock';
import type { Store } from './app/ports/store';
import type { TickReport } from './app/scheduler/tick';
import type { Log } from './log';
import { planCommands } from './bot/commands';
import { PlanDeskBot } from './bot/plandesk-bot';
import type { ChineseWorkingCalendar } from './calendar/chinese-working-calendar';
import type { Config } from './config';
import { close, createServer, listen } from './http/server';
import { createRuntime } from './runtime';
import { createLog } from './log';
import { startTelemetry, type Telemetry } from './telemetry/telemetry';

/** PlanDesk assembled: every part built here and only here (the one composition root). */
export interface PlanDeskApp {
  store: Store;
  calendar: ChineseWorkingCalendar;
  server: Server;
  log: Log;
  /** Runs the due jobs now (the scheduler's beat does this on its own). */
  tick(now?: Date): Promise<TickReport>;
  /** Resolves once outbox delivery has nothing running (tests wait on it). */
  deliveriesSettled(): Promise<void>;
  /** Starts listening on the configured port; resolves with the port. */
  start(): Promise<number>;
  /** Stops the beats and taking requests, then closes the store. */
  stop(): Promise<void>;
}

/**
 * Builds PlanDesk from its configuration, with a clock and a log that tests may replace. Telemetry is started
 * when the configuration names an exporter, unless `telemetry` is given (a test's in-memory one, which the
 * caller keeps and stops).
 */
export async function createApp(
  config: Config,
  deps: { clock: Clock; log?: Log; telemetry?: Telemetry },
): Promise<PlanDeskApp> {
  const log = deps.log ?? createLog(config.logLevel);
  const ownTelemetry = deps.telemetry ? undefined : startTelemetry(config, log);
  const telemetry = deps.telemetry ?? ownTelemetry;
  const runtime = await createRuntime(config, { clock: deps.clock, log, ...(telemetry ? { telemetry } : {}) }).catch(
    async (error: unknown) => {
      await ownTelemetry?.shutdown();
      throw error;
    },
  );
  const { store, calendar, adapter, services } = runtime;
  const bot = new PlanDeskBot({ services, commands: planCommands(services) });
  const server = createServer({
    adapter,
    bot,
    log,
    health: async () => ({ store: config.store, catalogVersion: (await store.catalogs.current())?.version ?? null }),
    readiness: () => runtime.readiness(),
    ...(telemetry ? { telemetry } : {}),
    requireBearer: config.bot.appId !== undefined,
    loopbackOnly: config.bot.appId === undefined && !config.allowAnonymousFromAnywhere,
  });
  // Messages waiting for a person's first chat, or after a failed send, are retried on this beat;
  // due jobs (reminders, deadlines, expiry) run on the scheduler's.
  const beats = [
    setInterval(() => services.deliverSoon(), config.deliveryIntervalMs),
    setInterval(
      () => void runtime.tick().catch((error: unknown) => log.error('tick failed', { code: 'tick_failed', error })),
      config.tickIntervalMs,
    ),
  ];
  beats.forEach((b) => b.unref());

  return {
    store,
    calendar,
    server,
    log,
    tick: (now) => runtime.tick(now),
    deliveriesSettled: () => runtime.deliveriesSettled(),
    async start() {
      const address = await listen(server, config.port);
      log.info(`PlanDesk is listening on http://localhost:${address.port}/api/messages`, {
        code: 'listening',
        port: address.port,
        store: config.store,
        db: config.dbPath,
      });
      return address.port;
    },
    async stop() {
      beats.forEach((b) => clearInterval(b));
      await close(server);
      await runtime.close();
      // What was measured last goes out before the process ends.
      await ownTelemetry?.shutdown();
    },
  };
}
