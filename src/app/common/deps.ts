import type { WorkingCalendar } from '../../domain/business-days';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';

/** What the approval use cases need: the store, the time, the working calendar and an id source. */
export interface ApprovalDeps {
  store: Store;
  clock: Clock;
  calendar: WorkingCalendar;
  /** A fresh unique id (outbox idempotency keys). */
  newId: () => string;
}
