import { deliverOutbox, type Messenger } from '../app/approval/deliver-outbox';
import type { ApprovalDeps } from '../app/approval/deps';
import type { Log } from './log';

/**
 * Runs outbox delivery after a turn has answered, one run at a time: a request that comes in while a
 * run is going makes one more run afterwards, so nothing decided is left waiting for the next turn.
 */
export function outboxPump(deps: ApprovalDeps, messenger: () => Messenger, log: Log) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        const report = await deliverOutbox({ ...deps, messenger: messenger() });
        if (report.sent > 0 || report.waiting > 0) log.debug('outbox delivered', { code: 'outbox_delivered', ...report });
      } catch (error) {
        log.error('outbox delivery failed', { code: 'outbox_failed', error });
      }
    } while (again);
  };
  return {
    /** Ask for a delivery soon; returns the run, which tests may await. */
    kick(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = new Promise<void>((resolve) => setImmediate(resolve)).then(run).finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves when no delivery is running. */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
