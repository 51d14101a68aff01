import { addMs } from '../../domain/local-date';
import type { ClaimedMessage, ConversationPace, PaceSlot } from '../ports/store';
import type { DeliveryDeps, DeliveryWorker } from './deliver-message';
import type { DeliveryFailure } from './delivery-policy';
import { isDeliveryFailure } from './messenger';

export type Paced<T> =
  | { kind: 'done'; value: T }
  | { kind: 'failed'; failure: DeliveryFailure }
  | { kind: 'later'; ms: number }
  | { kind: 'lost' };

/**
 * One send into a conversation, through three gates: this process's pacer (its own sends to the
 * conversation, one at a time), the process-wide cap (all its sends), and the store's record of the
 * conversation's sends by every instance (when the store keeps one). A slot further off than the policy
 * waits for comes back as `later`. The send goes only while this process still holds the message's
 * lease, extended to cover it, so no other process can be sending it at the same time.
 */
export async function paced<T>(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  key: string,
  send: () => Promise<T | DeliveryFailure>,
): Promise<Paced<T>> {
  // A message waits for its slot only while its lease surely outlasts the wait: one that would wait longer
  // goes back until then, without a try counted, rather than lose its lease in the queue (the fault suite
  // lost some 1,100 leases that way to one busy chat, and drained too slowly).
  const wait = worker.pacer.delay(key);
  if (wait > Math.min(worker.policy.maxPaceWaitMs, worker.policy.leaseMs / 2)) return { kind: 'later', ms: wait };
  return worker.pacer.run(key, async (): Promise<Paced<T>> => {
    const { policy } = worker;
    const { pace } = deps.store;
    const began = worker.timer.now();
    for (;;) {
      const release = await worker.cap.acquire();
      const slot = pace ? await reserved(pace, key, worker, release) : null;
      if (slot && 'waitMs' in slot) {
        release(false);
        // Another instance has used the conversation's slots: wait for the next one, as long as the policy waits.
        const waited = worker.timer.now() - began;
        if (waited + slot.waitMs > policy.maxPaceWaitMs) return { kind: 'later', ms: slot.waitMs };
        await worker.timer.sleep(slot.waitMs);
        continue;
      }
      let sent = false;
      let holdMs = 0;
      try {
        const now = deps.clock.now();
        const leaseUntil = addMs(now, policy.leaseMs + policy.sendTimeoutMs);
        // The try counts from here: a claim given back before its send, or lost with its process, is none.
        if (!(await deps.store.outbox.renew(claimed.message.id, worker.owner, now, leaseUntil, claimed.attempts + 1)))
          return { kind: 'lost' };
        sent = true;
        const answer = await answerOf(send);
        if (!isDeliveryFailure(answer)) return { kind: 'done', value: answer as T };
        if (answer.code === 'retryable' && answer.retryAfterMs !== null) {
          holdMs = Math.min(answer.retryAfterMs, policy.maxRetryAfterMs);
          worker.pacer.hold(key, holdMs);
        }
        return { kind: 'failed', failure: answer };
      } finally {
        release(sent);
        if (pace && slot) await released(worker, pace, key, slot, { sent, holdMs });
      }
    }
  });
}

/** A slot in the store's shared pace; a store that fails gives the cap's place back before the error goes on. */
async function reserved(
  pace: ConversationPace,
  key: string,
  worker: DeliveryWorker,
  release: (sent: boolean) => void,
): Promise<PaceSlot | { waitMs: number }> {
  // Under way at most until the send's deadline, however long renewing its lease took before it. A process that
  // dies mid-send leaves that one slot taken as long: one of a window's places, never the whole conversation.
  const { leaseMs, sendTimeoutMs, rateWindows } = worker.policy;
  try {
    return await pace.reserve(key, rateWindows, leaseMs + sendTimeoutMs);
  } catch (error) {
    release(false);
    throw error;
  }
}

/** The messenger's answer; a send that throws is an unexpected, retryable failure. */
async function answerOf<T>(send: () => Promise<T | DeliveryFailure>): Promise<T | DeliveryFailure> {
  try {
    return await send();
  } catch (error) {
    return {
      code: 'retryable',
      why: 'unexpected',
      status: null,
      retryAfterMs: null,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Gives the slot back to the shared record. The send is over by now, so a failure to record it must not
 * undo its outcome (that would send the message again): it is reported, and the slot counts as under way
 * until the send's deadline, which errs on the side of fewer sends.
 */
async function released(
  worker: DeliveryWorker,
  pace: ConversationPace,
  key: string,
  slot: PaceSlot,
  outcome: { sent: boolean; holdMs: number },
): Promise<void> {
  const { policy } = worker;
  try {
    await pace.release(key, slot, policy.rateWindows, outcome);
  } catch (error) {
    worker.onEvent({
      kind: 'pace_unrecorded',
      conversation: key,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}
