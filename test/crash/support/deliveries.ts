import type { Attachment } from 'botbuilder';
import { nodes } from '../../support/teams-harness';
import type { ReceivedCall } from './recording-connector';
import type { CardCopyRow, OutboxRow, StoreSnapshot } from './store-snapshot';

const APPLICATION_ID = /PP-\d{4}-\d{6}/;

/** The person's 1:1 chat id the test gave them, from an outbox conversation key (`person:<aad>`). */
export const chatOfKey = (conversationKey: string): string => `a:personal-${conversationKey.replace(/^person:/, '')}`;

/** The application a card shows: an application's card is headed by its number (help, say, only quotes an example). */
export function applicationOfCard(card: unknown): string | null {
  const heading = nodes(card).find((n) => n.type === 'TextBlock' && n.style === 'heading');
  const text = typeof heading?.text === 'string' ? heading.text : '';
  return /^PP-\d{4}-\d{6}$/.test(text) ? text : null;
}

/**
 * What a post is, as the person sees it: `<chat> card <application>` or `<chat> text <application>`
 * (`none` for a text about no application, such as the monthly summary, or the monthly report's words over
 * its card). Cards about no application with no words (help, the form) answer a turn, they are not deliveries: null.
 */
export function subjectOfPost(call: ReceivedCall): string | null {
  if (call.method !== 'POST') return null;
  const card = (call.body.attachments?.[0] as Attachment | undefined)?.content;
  const id = card === undefined ? null : applicationOfCard(card);
  if (id) return `${call.conversationId} card ${id}`;
  // A notice comes in words, alone or over a card of its own (the monthly report); a card with no words is a turn's answer.
  if (card !== undefined && !call.body.text) return null;
  return `${call.conversationId} text ${APPLICATION_ID.exec(call.body.text ?? '')?.[0] ?? 'none'}`;
}

/** Outbox rows that post into a person's chat (a message to an unbound channel is replaced by such rows, or dropped). */
export const isPost = (row: OutboxRow): boolean =>
  row.kind !== 'refresh' && (row.conversationKey?.startsWith('person:') ?? false);

/** The subject an outbox row posts, named as `subjectOfPost` names the post. */
export const subjectOfRow = (row: OutboxRow): string =>
  `${chatOfKey(row.conversationKey ?? '')} ${row.kind} ${row.applicationId ?? 'none'}`;

/** A card copy's subject, as its post's. */
export const subjectOfCopy = (copy: CardCopyRow): string =>
  `${chatOfKey(copy.conversationKey)} card ${copy.applicationId}`;

export function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Sorted `[subject, count]` pairs, so two tallies compare (and print) readably. */
export const tally = (counts: Map<string, number>): [string, number][] =>
  [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));

/** Adds tallies subject by subject. */
export function plus(...all: Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const counts of all) for (const [k, n] of counts) sum.set(k, (sum.get(k) ?? 0) + n);
  return sum;
}

/**
 * Posts the connector took whose outcome the killed process never recorded: per subject, the posts
 * received before the kill less the rows the store had marked sent by then. Such a message is in the
 * chat while the store still holds it as pending, so it is posted again after the restart. Negative
 * counts would be rows marked sent that were never posted: lost messages.
 */
export function unrecordedPosts(
  callsBeforeKill: readonly ReceivedCall[],
  atKill: StoreSnapshot,
  since: { seq: number; calls: number } = { seq: 0, calls: 0 },
): Map<string, number> {
  const posted = countBy(callsBeforeKill.slice(since.calls), subjectOfPost);
  const sent = countBy(
    atKill.outbox.filter((r) => r.seq > since.seq && isPost(r) && r.status === 'sent'),
    subjectOfRow,
  );
  const unrecorded = new Map<string, number>();
  for (const k of new Set([...posted.keys(), ...sent.keys()])) {
    const extra = (posted.get(k) ?? 0) - (sent.get(k) ?? 0);
    if (extra !== 0) unrecorded.set(k, extra);
  }
  return unrecorded;
}
