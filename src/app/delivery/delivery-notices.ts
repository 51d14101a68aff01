import type { Directory } from '../records/directory';
import { nameOf } from '../common/people';
import type { OutboxMessage } from '../ports/store';

/** The notices ops gets about delivery; their words are in the string tables under these keys. */
export const OPS_DELIVERY_KEYS = ['ops.delivery_failed', 'ops.delivery_rejected', 'ops.conversation_inactive'] as const;
export type OpsDeliveryKey = (typeof OPS_DELIVERY_KEYS)[number];

/** A notice about delivery is never itself noticed when it fails (it is logged), so failures cannot breed. */
export const isDeliveryNotice = (m: OutboxMessage): boolean =>
  m.kind === 'text' && (OPS_DELIVERY_KEYS as readonly string[]).includes(m.key);

/** A conversation as ops knows it: a person by name, a channel as "#ops", "#unit:…". */
export function recipientName(directory: Directory | null, conversationKey: string): string {
  const [kind, ...rest] = conversationKey.split(':');
  const id = rest.join(':');
  if (kind === 'person') return directory ? nameOf(directory, id) : id;
  return kind === 'channel' ? `#${id}` : conversationKey;
}

/**
 * A notice to the ops channel about a message that was not delivered. Its id derives from the
 * message's (and the conversation's), so telling ops twice about the same thing writes it once.
 */
export function opsDeliveryNotice(
  key: OpsDeliveryKey,
  about: OutboxMessage,
  at: Date,
  params: Record<string, string | number>,
  conversationKey?: string,
): OutboxMessage {
  const { applicationId } = about;
  return {
    id: [key, about.id, ...(conversationKey ? [conversationKey] : [])].join(':'),
    createdAt: at.toISOString(),
    kind: 'text',
    applicationId,
    to: { kind: 'channel', channel: 'ops' },
    key,
    // A message about no application has no id: the words say "a message", not a placeholder.
    params: { id: applicationId ?? '', kind: about.kind, ...params },
  };
}
