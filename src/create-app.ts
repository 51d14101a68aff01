import { randomUUID } from 'node:crypto';
import type { Server } from 'restify';
import type { ApprovalDeps } from './app/approval/deps';
import type { Clock } from './app/ports/clock';
import type { Store } from './app/ports/store';
import { createAdapter } from './bot/adapter';
import { createJsonLog, type Log } from './bot/log';
import { planCommands } from './bot/commands';
import { outboxPump } from './bot/outbox-pump';
import { PlanDeskBot } from './bot/plandesk-bot';
import type { BotServices } from './bot/services';
import { teamsMessenger } from './bot/teams-messenger';
import { calendarFor } from './calendar/calendar-for';
import type { ChineseWorkingCalendar } from './calendar/chinese-working-calendar';
import { authIsAnonymous, type Config } from './config';
import { shanghaiDate } from './domain/local-date';
import { close, createServer, listen } from './http/server';
import { openStore } from './store/open-store';

/** PlanDesk assembled: every part built here and only here (the one composition root). */
export interface PlanDeskApp {
  store: Store;
  calendar: ChineseWorkingCalendar;
  server: Server;
  log: Log;
  /** Resolves once outbox delivery has nothing running (tests wait on it). */
  deliveriesSettled(): Promise<void>;
  /** Starts listening on the configured port; resolves with the port. */
  start(): Promise<number>;
  /** Stops taking requests, then closes the store. */
  stop(): Promise<void>;
}

/** Builds PlanDesk from its configuration, with a clock and a log that tests may replace. */
export async function createApp(config: Config, deps: { clock: Clock; log?: Log }): Promise<PlanDeskApp> {
  const log = deps.log ?? createJsonLog(config.logLevel);
  const calendar = calendarFor(config);
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  for (const y of [year, year + 1]) {
    if (!calendar.coversYear(y)) {
      log.warn(`the ${y} public holiday arrangement is not loaded: deadlines in ${y} count only weekends; add it to the calendar override file (PLANDESK_CALENDAR_OVERRIDE)`, { code: 'calendar_year_missing', year: y });
    }
  }

  const { store, seeded } = await openStore(config, deps.clock, calendar);
  if (seeded && (seeded.catalog || seeded.policy || seeded.directory || seeded.applications.length > 0)) {
    log.info('seeded the store from the samples', { code: 'seeded', samples: config.samplesDir, ...seeded });
  }
  if (authIsAnonymous(config)) {
    log.warn('MicrosoftAppId is not set: accepting unauthenticated requests, for local testing only', { code: 'auth_anonymous' });
  }
  const adapter = createAdapter(config, log);
  const approval: ApprovalDeps = { store, clock: deps.clock, calendar, newId: randomUUID };
  const pump = outboxPump(approval, () => messenger, log);
  const services: BotServices = { approval, log, deliverSoon: () => void pump.kick() };
  const messenger = teamsMessenger(adapter, config.bot.appId ?? '', services);
  const bot = new PlanDeskBot({ services, commands: planCommands(services) });
  // Messages waiting for a person's first chat, or after a failed send, are retried on this beat.
  const beat = setInterval(() => void pump.kick(), config.deliveryIntervalMs);
  beat.unref();
  const server = createServer({
    adapter, bot, log,
    health: async () => ({ store: config.store, catalogVersion: (await store.catalogs.current())?.version ?? null }),
  });

  return {
    store, calendar, server, log,
    deliveriesSettled: () => pump.idle(),
    async start() {
      const address = await listen(server, config.port);
      log.info(`PlanDesk is listening on http://localhost:${address.port}/api/messages`, { code: 'listening', port: address.port, store: config.store, db: config.dbPath });
      return address.port;
    },
    async stop() {
      clearInterval(beat);
      await close(server);
      await pump.idle();
      await store.close();
    },
  };
}
