import type { NoticeKey } from '../ports/notice-keys';
import type { OutboxMessage, Recipient } from '../ports/store';
import type { ApprovalDeps } from './deps';

type Params = Record<string, string | number>;
type Options = { notBefore?: string };

/**
 * Builders of the outbox messages a use case decides; each gets a fresh idempotency key.
 * `notBefore` holds cards and notices to people until then (working hours); a refresh of posted
 * copies is never held.
 */
export function messagesFor(deps: Pick<ApprovalDeps, 'newId'>, at: Date, applicationId: string, options: Options = {}) {
  const base = () => ({ id: deps.newId(), createdAt: at.toISOString() });
  const held = options.notBefore ? { notBefore: options.notBefore } : {};
  return {
    /** Post the application's card to someone: a person sees it as their role allows, a channel the notice. */
    card: (to: Recipient): OutboxMessage => ({ ...base(), kind: 'card', applicationId, to, ...held }),
    /** Update every copy of the application's card already posted. */
    refresh: (): OutboxMessage => ({ ...base(), kind: 'refresh', applicationId }),
    /** A short notice in words (a key of the string tables) about the application. */
    text: (to: Recipient, key: NoticeKey, params: Params = {}): OutboxMessage => ({
      ...base(),
      kind: 'text',
      applicationId,
      to,
      key,
      params: { id: applicationId, ...params },
      ...held,
    }),
  };
}

/** A short notice about no one application (a summary, a draw, a stale catalog). */
export function noticeFor(
  deps: Pick<ApprovalDeps, 'newId'>,
  at: Date,
  to: Recipient,
  key: NoticeKey,
  params: Params,
): OutboxMessage {
  return { id: deps.newId(), createdAt: at.toISOString(), kind: 'text', applicationId: null, to, key, params };
}

export const person = (id: string): Recipient => ({ kind: 'person', id });
export const channel = (name: string): Recipient => ({ kind: 'channel', channel: name });

/**
 * Who gets an application's card when its route opens: the first approver, to decide; and, for a plan
 * through 合作管理部 (an agent channel, 第十一条: submitted to 经营管理部 *and* 合作管理部), the ops
 * approver of its later step at once, to prepare: a copy without buttons until that step comes, which
 * updates like every copy.
 */
export function routeOpened(steps: readonly { step: string; assignee: string }[]): Recipient[] {
  const [first, ...later] = steps;
  if (!first) return [];
  const ahead =
    first.step === 'cooperation' ? later.filter((s) => s.step === 'ops_review' && s.assignee !== first.assignee) : [];
  return [first, ...ahead].map((s) => person(s.assignee));
}
