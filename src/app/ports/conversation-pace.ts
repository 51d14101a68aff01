import type { RateWindow } from '../records/pace-record';

/** A send's place in a conversation's pace, to be released when the send is over. */
export interface PaceSlot {
  slot: string;
}

/**
 * Each conversation's recent sends, kept by the store so that every instance on it keeps each
 * conversation within Teams' windows together (pace-record.ts says how sends are counted). The store
 * reads its own wall clock, the one time the instances share.
 */
export interface ConversationPace {
  /**
   * Reserves a slot for a send starting now, in one atomic step: granted only while every window of
   * `windows` has room (and no Retry-After holds the conversation), else how long until one may have.
   * The slot counts as a send under way for `holdMs` at most (the send's deadline), until released.
   */
  reserve(key: string, windows: readonly RateWindow[], holdMs: number): Promise<PaceSlot | { waitMs: number }>;
  /**
   * The reserved send is over: `sent` counts it as ended now, otherwise it is forgotten (it never went);
   * `holdMs` keeps the conversation closed that long for every instance (Teams' Retry-After).
   */
  release(
    key: string,
    slot: PaceSlot,
    windows: readonly RateWindow[],
    outcome: { sent: boolean; holdMs?: number },
  ): Promise<void>;
}
