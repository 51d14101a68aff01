// Run as its own process (test/telemetry/not-exported.test.ts): starts PlanDesk from the environment it is
// given, answers one readiness probe, and prints which OpenTelemetry modules the process loaded and whether a
// global tracer or meter provider was registered.
import { metrics, trace } from '@opentelemetry/api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/create-app';
import { createJsonLog } from '../../../src/log';

// A registered provider is the SDK's; without one the API hands out its no-op (proxy) providers.
async function run(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    PLANDESK_DB: join(mkdtempSync(join(tmpdir(), 'plandesk-nootel-')), 'plandesk.db'),
    PLANDESK_SAMPLES: 'none',
  });
  const app = await createApp(config, { clock: { now: () => new Date() }, log: createJsonLog('silent') });
  const port = await app.start();
  const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
  // Read while the app runs: stopping it removes what it registered.
  const tracerProvider = (trace.getTracerProvider() as { getDelegate?: () => object }).getDelegate?.();
  const meterProvider = metrics.getMeterProvider().constructor.name;
  await app.stop();
  const loaded = Object.keys(require.cache).filter((path) =>
    /node_modules[\\/](@opentelemetry[\\/](sdk-|exporter-|context-async-hooks)|@azure[\\/]monitor-opentelemetry-exporter)/.test(
      path,
    ),
  );
  const packages = [...new Set(loaded.map((path) => /node_modules[\\/](@[^\\/]+[\\/][^\\/]+)/.exec(path)?.[1]))].sort();
  process.stdout.write(
    `${JSON.stringify({
      readyz: readyz.status,
      packages,
      tracerProvider: tracerProvider?.constructor.name,
      meterProvider,
    })}\n`,
  );
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
