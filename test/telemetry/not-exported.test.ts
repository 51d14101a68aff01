import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const script = join(__dirname, 'support/start-and-list-modules.ts');

/** PlanDesk started in a process of its own with `env` (beside PATH only), and what it reports of telemetry. */
async function startedWith(env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', script],
    { env: { PATH: process.env.PATH ?? '', ...env }, cwd: join(__dirname, '../..'), timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    readyz: number;
    packages: string[];
    tracerProvider: string;
    meterProvider: string;
  };
}

describe('telemetry without APPLICATIONINSIGHTS_CONNECTION_STRING or OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('should load no OpenTelemetry SDK or exporter and register no provider', async () => {
    const report = await startedWith({});

    expect(report.readyz).toBe(200);
    expect(report.packages).toEqual([]);
    expect(report.tracerProvider).toBe('NoopTracerProvider');
    expect(report.meterProvider).toBe('NoopMeterProvider');
  }, 60_000);
});

describe('telemetry with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let collector: Server;
  const received: string[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      received.push(req.url ?? '');
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => collector.close(resolve));
  });

  it('should load the SDK and the OTLP exporters, register the providers and export to the endpoint on stopping', async () => {
    const { port } = collector.address() as AddressInfo;
    const report = await startedWith({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });

    expect(report.packages).toEqual(
      expect.arrayContaining([
        '@opentelemetry/exporter-metrics-otlp-http',
        '@opentelemetry/exporter-trace-otlp-http',
        '@opentelemetry/sdk-metrics',
        '@opentelemetry/sdk-trace-base',
      ]),
    );
    expect(report.packages).not.toContain('@azure/monitor-opentelemetry-exporter');
    expect(report.tracerProvider).toBe('BasicTracerProvider');
    // Metrics are flushed when the app stops (the readiness probe is no turn, so there may be no span).
    expect(received).toContain('/v1/metrics');
  }, 60_000);
});
