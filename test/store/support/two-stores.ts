import type { OutboxMessage, Store } from '../../../src/app/ports/store';
import { sampleRecord } from '../fixtures';

/** Two stores on the same data, as two bot instances would have; `cleanup` closes both and removes the data. */
export interface TwoStores {
  store: Store;
  other: Store;
  cleanup(): Promise<void>;
}

/**
 * Writes outbox messages through the port, as one application's decisions do: the first call files
 * the application with them, each later call saves it again with the next ones.
 */
export function decisionsOf(store: Store, applicationId = 'PP-1'): (messages: OutboxMessage[]) => Promise<void> {
  let version = 0;
  return async (messages) => {
    const record = sampleRecord(applicationId);
    const saved =
      version === 0
        ? await store.applications.create(record, [], messages, [])
        : await store.applications.update(record, version, [], messages, []);
    if (!saved.ok) throw new Error(`writing messages as ${applicationId}'s decision failed: ${saved.error.code}`);
    version = saved.value.version;
  };
}
