import type { SqliteDatabase } from './sqlite-connection';

/**
 * A SQLite store's change stamp (`Store.changeStamp`): the rows this connection has changed
 * (`total_changes()`, triggers' too) and whether another connection has committed since
 * (`PRAGMA data_version`, which counts exactly those), less the rows of writes that change nothing a card
 * shows. One cheap read of SQLite's own counters (and one more around each uncounted write), so it
 * cannot miss a statement a repository forgot to report: it only over-counts (a rolled-back change), which costs a card built again, never a stale one.
 */
export interface ChangeStamp {
  stamp(): string;
  /** Runs a write whose rows change nothing a card shows (a view's audit entry, an outbox lease), uncounted. */
  unshown<T>(write: () => T): T;
}

export function changeStamp(db: SqliteDatabase): ChangeStamp {
  const changed = db.prepare<[], number>('SELECT total_changes()').pluck();
  // Both counters in one statement: the stamp is read at every view.
  const both = db.prepare<[], [number, number]>('SELECT data_version, total_changes() FROM pragma_data_version').raw();
  let unshown = 0;
  return {
    stamp: () => {
      const [others, own] = both.get() ?? [0, 0];
      return `${others}:${own - unshown}`;
    },
    unshown(write) {
      const before = changed.get() ?? 0;
      try {
        return write();
      } finally {
        unshown += (changed.get() ?? 0) - before;
      }
    },
  };
}
