import { ok, type Result } from '../../domain/result';
import type { ApprovalDeps } from '../common/deps';
import { loadCaseFor } from '../common/load-case';
import { APPROVER_ROLES, type ApproverRole } from '../../domain/route';
import { actorOf, holdersOf } from '../common/people';
import type { Directory } from '../records/directory';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry, type AuditAction } from '../records/audit';
import type { Refusal } from '../records/refusal';
import { cardModel, maySee, namesFor, type CardModel } from '../common/card-model';
import type { CountedPage, Store } from '../ports/store';

/**
 * Rows a list holds, and queue rows: a card past about 28 KB is refused by Teams, and a list of
 * hundreds is not read anyway (issue 13). The use case reads and names only these, so a list costs the
 * same with 10 plans in the store or 100,000.
 */
export const LIST_ROWS = 15;
export const QUEUE_ROWS = 10;

/** A list of applications with the names its rows show (applicants, the approvers they wait on). */
export interface ListModel {
  /** The rows shown: at most LIST_ROWS, in the list's order. */
  records: ApplicationRecord[];
  /**
   * How many the list holds in all; null when there are more than the rows and they were not counted
   * (我的: an applicant's earlier plans are found with 列表).
   */
  total: number | null;
  names: Record<string, string>;
  /** When it was read (ISO 8601), by PlanDesk's clock. */
  asOf: string;
  /**
   * The team's queue: steps awaited on colleagues that this person may take over (a role they hold),
   * and for the ops head every awaited step, to hand to someone. Shown by number, unit, step and
   * deadline only: the plan's figures stay with the people on it. At most QUEUE_ROWS, oldest first.
   */
  queue: ApplicationRecord[];
  /** How many steps the team's queue holds in all. */
  queueTotal: number;
  /** Units' names by id, for the queue's rows. */
  unitNames: Record<string, string>;
  /** For the ops head: who holds each approver role, to hand a step to. */
  handTo: Partial<Record<ApproverRole, { id: string; name: string }[]>>;
  /** The roles of the person the list is for (which queued steps they may take over). */
  roles: readonly string[];
}

async function listModel(
  deps: Pick<ApprovalDeps, 'store' | 'clock'>,
  directory: Directory | null,
  list: { records: ApplicationRecord[]; total: number | null },
  queue: CountedPage = { records: [], total: 0 },
  handTo: ListModel['handTo'] = {},
  roles: readonly string[] = [],
): Promise<ListModel> {
  const records = list.records.slice(0, LIST_ROWS);
  const shownQueue = queue.records.slice(0, QUEUE_ROWS);
  return {
    records,
    total: list.total,
    names: namesFor([...records, ...shownQueue], directory),
    asOf: deps.clock.now().toISOString(),
    queue: shownQueue,
    queueTotal: queue.total,
    unitNames: Object.fromEntries((directory?.units ?? []).map((u) => [u.id, u.name])),
    handTo,
    roles,
  };
}

/** An applicant's own applications, newest first: the LIST_ROWS newest, read as one page. */
export async function myApplications(deps: ApprovalDeps, actor: string): Promise<ListModel> {
  const page = await deps.store.applications.page({ applicants: [actor] }, LIST_ROWS);
  const total = page.next === null ? page.records.length : null;
  return listModel(deps, await deps.store.directory.get(), { records: page.records, total });
}

/**
 * What waits on a person, oldest first: steps where they are the named approver or delegate, and,
 * for support handlers, approved plans still to be carried out. Read by the store's index of awaited
 * steps, a page and a count of each list, so it costs the same however many plans the store keeps.
 */
export async function pendingFor(deps: ApprovalDeps, actor: string): Promise<ListModel> {
  const directory = await deps.store.directory.get();
  const roles = directory ? actorOf(directory, actor).roles : [];
  const isHead = roles.includes('ops_head');
  // Others' awaited steps of a role this person holds (never their own plans); the ops head sees every
  // step not his own, even one he is the delegate of, to hand it on.
  const queueRoles = APPROVER_ROLES.filter((role) => roles.includes(role));
  const [waiting, queue] = await Promise.all([
    deps.store.applications.waitingOn(actor, roles.includes('support_handler'), LIST_ROWS),
    isHead || queueRoles.length > 0
      ? deps.store.applications.queue(
          { roles: isHead ? null : queueRoles, of: actor, withoutDelegated: !isHead },
          QUEUE_ROWS,
        )
      : { records: [], total: 0 },
  ]);
  const handTo = isHead && directory ? handToOf(directory) : {};
  return listModel(deps, directory, waiting, queue, handTo, roles);
}

/** Who holds each approver role, by name: the people the ops head may hand a step to. */
function handToOf(directory: Directory): ListModel['handTo'] {
  return Object.fromEntries(
    APPROVER_ROLES.map((role) => [role, holdersOf(directory, role).map((p) => ({ id: p.aadObjectId, name: p.name }))]),
  );
}

/** A view built for one viewer, kept while the store's change stamp holds, within its minute (issue 13). */
interface KeptView {
  stamp: string;
  action: AuditAction;
  model: CardModel;
}
/**
 * Views kept per store, of the current minute only (a view is never given past its minute, so older ones are
 * dropped when the minute turns), oldest first: a card opened by many people, or in many chats, is built once.
 */
const keptViews = new WeakMap<Store, { minute: number; views: Map<string, KeptView> }>();
/** How many views a store keeps at most: about the cards of a busy minute's open chats. */
export const KEPT_VIEWS = 1_000;

function keptView(store: Store, minute: number, key: string): KeptView | undefined {
  const kept = keptViews.get(store);
  return kept?.minute === minute ? kept.views.get(key) : undefined;
}

function keep(store: Store, minute: number, key: string, view: KeptView): void {
  let kept = keptViews.get(store);
  if (kept?.minute !== minute) keptViews.set(store, (kept = { minute, views: new Map() }));
  kept.views.delete(key);
  kept.views.set(key, view);
  if (kept.views.size > KEPT_VIEWS) kept.views.delete(kept.views.keys().next().value as string);
}

/**
 * An application as a person may see it now; every view is audited, and one the person may not see
 * (SPEC §7) is audited as refused and comes as its status only (`detailed: false`).
 *
 * Teams asks for a card afresh each time someone opens a chat holding it, so the same view is asked for
 * again and again. Where the store has a change stamp (SQLite), a view is built once and given again, its
 * view still audited each time, while nothing a card shows was written (the stamp, read before anything
 * else) and within the minute its dates and deadlines were read against.
 */
export async function viewApplication(
  deps: ApprovalDeps,
  id: string,
  viewer: string,
  /** Shown where others read (a channel): its status only, and audited as that. */
  statusOnly = false,
): Promise<Result<CardModel, Refusal>> {
  const stamp = deps.store.changeStamp?.();
  const now = deps.clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${id}\n${viewer}\n${statusOnly ? 'status' : 'full'}`;
  const kept = stamp === undefined ? undefined : keptView(deps.store, minute, key);
  if (kept && kept.stamp === stamp) {
    await deps.store.audit.append([auditEntry(now, viewer, kept.action, id, null, null)]);
    return ok(kept.model);
  }
  const loaded = await loadCaseFor(deps, id, viewer);
  if (!loaded.ok) return loaded;
  const { record, actor } = loaded.value;
  const allowed = maySee(record, actor);
  const action = !allowed ? 'refused.view' : statusOnly ? 'view.status' : 'view';
  await deps.store.audit.append([auditEntry(now, viewer, action, id, null, null)]);
  const built = await cardModel(deps, record, viewer);
  const model = statusOnly ? { ...built, detailed: false } : built;
  if (stamp !== undefined) keep(deps.store, minute, key, { stamp, action, model });
  return ok(model);
}
