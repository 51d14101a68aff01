import { systemClock } from './app/ports/clock';
import { configOrExplain } from './config';
import { createApp } from './create-app';

/** `npm start`: read the environment, build PlanDesk, listen, and stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = configOrExplain(process.env, (message) => process.stderr.write(`${message}\n`));
  if (!config) process.exit(2);
  const app = await createApp(config, { clock: systemClock });
  await app.start();
  const stop = (signal: string) => {
    app.log.info(`stopping on ${signal}`, { code: 'stopping' });
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error('stopping failed', { code: 'stop_failed', error });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`PlanDesk could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
