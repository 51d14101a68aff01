/** The logging the Cosmos store does: one debug line per request. Structural, so the bot's JSON log fits. */
export interface ChargeLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Told each request's charge as well, when metrics are exported (the composition root wires it). */
  charged?(operation: string, requestCharge: number): void;
}

/** Request units (RU) spent by one store operation, e.g. "applications.update", over its requests. */
export interface OperationCharge {
  requests: number;
  requestCharge: number;
}

/** What the store has spent since it opened or was last reset; a benchmark resets it around a use case and reads the sum. */
export interface RequestCharges {
  total(): number;
  byOperation(): Record<string, OperationCharge>;
  reset(): void;
}

/** The meter every request goes through: it logs the charge at debug level and adds it up. */
export interface ChargeMeter extends RequestCharges {
  record(operation: string, requestCharge: number | undefined): void;
}

/** A meter; a request that reports no charge (an error before the service answered) counts as a request of 0 RU. */
export function chargeMeter(log?: ChargeLog): ChargeMeter {
  let sums = new Map<string, OperationCharge>();
  return {
    record(operation, requestCharge) {
      const charge = Number.isFinite(requestCharge) ? Number(requestCharge) : 0;
      const sum = sums.get(operation) ?? { requests: 0, requestCharge: 0 };
      sums.set(operation, { requests: sum.requests + 1, requestCharge: sum.requestCharge + charge });
      log?.debug('cosmos request', { code: 'cosmos_request', operation, requestCharge: charge });
      log?.charged?.(operation, charge);
    },
    total: () => [...sums.values()].reduce((total, s) => total + s.requestCharge, 0),
    byOperation: () => Object.fromEntries(sums),
    reset() {
      sums = new Map();
    },
  };
}
