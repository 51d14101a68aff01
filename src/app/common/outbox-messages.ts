import type { OutboxMessage, Recipient } from '../ports/store';
import type { ApprovalDeps } from './deps';

/** Builders of the outbox messages a use case decides; each gets a fresh idempotency key. */
export function messagesFor(deps: Pick<ApprovalDeps, 'newId'>, at: Date, applicationId: string) {
  const base = () => ({ id: deps.newId(), createdAt: at.toISOString() });
  return {
    /** Post the application's card to someone: a person sees it as their role allows, a channel the notice. */
    card: (to: Recipient): OutboxMessage => ({ ...base(), kind: 'card', applicationId, to }),
    /** Update every copy of the application's card already posted. */
    refresh: (): OutboxMessage => ({ ...base(), kind: 'refresh', applicationId }),
    /** A short notice in words (key of the string table). */
    text: (to: Recipient, key: string, params: Record<string, string | number> = {}): OutboxMessage =>
      ({ ...base(), kind: 'text', applicationId, to, key, params: { id: applicationId, ...params } }),
  };
}

export const person = (id: string): Recipient => ({ kind: 'person', id });
export const channel = (name: string): Recipient => ({ kind: 'channel', channel: name });
