import { fail, ok, type Result } from '../../domain/result';
import { tooLong } from '../../domain/text-limits';
import { auditEntry } from '../records/audit';
import type { Refusal } from '../records/refusal';
import { isAdmin, personOf } from '../common/people';
import { channelKey, personKey } from '../ports/conversation-keys';
import type { StoredConversation } from '../ports/store';
import type { ApprovalDeps } from '../common/deps';

/**
 * How long a saved reference is taken as fresh: a card's automatic refresh that brings the same reference
 * within it writes nothing. Teams refreshes every card in a chat as it opens, a turn each, so a person
 * opening a chat would otherwise rewrite the same row once per card (issue 13). Whatever a person does
 * themselves (a message, a tap) is always saved: its new time is what keeps a refusal Teams gave a send
 * begun before it from marking the chat inactive (the deactivation names the time the send saw), so
 * their messages are not held back after they wrote. A refresh skipped that way leaves that race open
 * until the next turn: a chat marked inactive is saved again by any turn, a refresh too.
 */
const FRESH_MS = 60_000;

/** Keeps the latest reference to a person's chat with the bot, so PlanDesk can write to them later. */
export async function rememberPerson(
  deps: ApprovalDeps,
  aadObjectId: string,
  conversation: Omit<StoredConversation, 'key' | 'updatedAt'>,
  turn: { automatic: boolean } = { automatic: false },
): Promise<void> {
  const key = personKey(aadObjectId);
  const stored = await deps.store.conversations.get(key);
  const now = deps.clock.now();
  // Some activities (conversationUpdate) carry no locale: the language last seen is kept, else the directory's.
  const locale = conversation.locale ?? stored?.locale ?? (await directoryLocale(deps, aadObjectId)) ?? null;
  // A conversation marked inactive is always saved again: this turn shows it works (saving makes it active).
  const unchanged =
    turn.automatic &&
    stored !== null &&
    !stored.inactiveSince &&
    stored.locale === locale &&
    stored.userMri === conversation.userMri &&
    now.getTime() - Date.parse(stored.updatedAt) < FRESH_MS &&
    JSON.stringify(stored.reference) === JSON.stringify(conversation.reference);
  if (unchanged) return;
  await deps.store.conversations.save({ ...conversation, locale, key, updatedAt: now.toISOString() });
}

async function directoryLocale(deps: ApprovalDeps, aadObjectId: string): Promise<string | null> {
  const directory = await deps.store.directory.get();
  return (directory && personOf(directory, aadObjectId)?.locale) || null;
}

export type ChannelTarget =
  { kind: 'ops' } | { kind: 'support' } | { kind: 'auditors' } | { kind: 'unit'; unit: string };

/** The name a bound channel is known by in the outbox: "ops", "support", "auditors" or "unit:<id>". */
export const targetName = (t: ChannelTarget): string => (t.kind === 'unit' ? `unit:${t.unit}` : t.kind);

/** An admin makes a channel the place for one audience's notices; audited. */
export async function bindChannel(
  deps: ApprovalDeps,
  actor: string,
  target: ChannelTarget,
  conversation: Omit<StoredConversation, 'key' | 'updatedAt'>,
): Promise<
  Result<
    { target: string; unitName: string | null },
    Extract<Refusal, { code: 'not_admin' | 'unknown_unit' | 'text_too_long' }>
  >
> {
  const directory = await deps.store.directory.get();
  const now = deps.clock.now();
  if (!directory || !isAdmin(directory, actor)) {
    await deps.store.audit.append([auditEntry(now, actor, 'refused.bind_channel', 'directory', null, { target })]);
    return fail({ code: 'not_admin' });
  }
  // An id no unit could have is not said back to the channel (the refusal quotes the unit).
  const overLimit = target.kind === 'unit' ? tooLong('words', target.unit) : null;
  if (overLimit) return fail(overLimit);
  const unit = target.kind === 'unit' ? directory.units.find((u) => u.id === target.unit) : undefined;
  if (target.kind === 'unit' && !unit) return fail({ code: 'unknown_unit', unit: target.unit });
  const name = targetName(target);
  await deps.store.conversations.save({ ...conversation, key: channelKey(name), updatedAt: now.toISOString() });
  await deps.store.audit.append([
    auditEntry(now, actor, 'bind_channel', 'directory', null, { target: name, conversation: conversation.reference }),
  ]);
  return ok({ target: name, unitName: unit?.name ?? null });
}
