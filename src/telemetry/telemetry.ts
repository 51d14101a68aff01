import type { Meter, Tracer } from '@opentelemetry/api';
import type { Config } from '../config';
import type { Log } from '../log';
import { plandeskInstruments, type PlanDeskInstruments } from './instruments';
import type { TelemetryProviders } from './sdk-providers';

/**
 * Traces and metrics when an exporter is configured. The adapters are given one of these, or nothing: with
 * nothing they take the paths they had before, so a PlanDesk without telemetry pays nothing for it.
 */
export interface Telemetry {
  tracer: Tracer;
  meter: Meter;
  instruments: PlanDeskInstruments;
  /** Exports what is buffered (spans in the batch, the metrics' current values). */
  flush(): Promise<void>;
  /** Flushes, then stops the exporters; the global providers are removed. */
  shutdown(): Promise<void>;
}

/** Where telemetry goes; unset both and nothing is exported anywhere. */
export type TelemetryConfig = NonNullable<Config['telemetry']>;

/** A Telemetry over providers someone built (the SDK's, with exporters; a test's, with in-memory ones). */
export function telemetryOver(providers: TelemetryProviders): Telemetry {
  const tracer = providers.tracerProvider.getTracer('plandesk');
  const meter = providers.meterProvider.getMeter('plandesk');
  return {
    tracer,
    meter,
    instruments: plandeskInstruments(meter),
    flush: () => providers.flush(),
    shutdown: () => providers.shutdown(),
  };
}

/**
 * Starts telemetry if the configuration names an exporter (Azure Monitor, OTLP/HTTP), else returns undefined
 * having loaded, registered and sent nothing: the OpenTelemetry SDK is required only here, only then.
 */
export function startTelemetry(config: Pick<Config, 'telemetry'>, log: Log): Telemetry | undefined {
  if (!config.telemetry) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK is loaded only when something is exported, see above
  const sdk = require('./sdk-providers') as typeof import('./sdk-providers');
  const telemetry = telemetryOver(sdk.exportingProviders(config.telemetry, log));
  log.info('telemetry is exported', {
    code: 'telemetry_on',
    azureMonitor: config.telemetry.azureMonitorConnectionString !== undefined,
    otlp: config.telemetry.otlpEndpoint ?? null,
  });
  return telemetry;
}
