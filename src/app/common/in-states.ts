import type { ApplicationState } from '../../domain/application-state';
import type { ApplicationRecord } from '../records/application-record';
import type { Store } from '../ports/store';

/** Pages this large: few round trips, and no page holds more than a card's work of records. */
const PAGE = 500;

/**
 * Every application now in one of `states`, oldest first, read a page at a time on the store's index
 * on state (issue 13). For what open plans decide (who is least loaded, what waits on whom): their
 * number grows with the work in hand, not with the years of plans the store keeps, as reading every
 * application did on each submission, decision and `待办`.
 */
export async function applicationsIn(
  store: Pick<Store, 'applications'>,
  states: readonly ApplicationState[],
): Promise<ApplicationRecord[]> {
  const newestFirst: ApplicationRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.applications.page({ states }, PAGE, cursor);
    newestFirst.push(...page.records);
    cursor = page.next;
  } while (cursor);
  return newestFirst.reverse();
}
