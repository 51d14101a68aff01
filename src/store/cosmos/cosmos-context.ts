import type { CheckpointSigner } from '../audit-checkpoint';
import type { ChainHeads } from './audit-chain-heads';
import type { CosmosIo } from './cosmos-io';

/** What every repository of one Cosmos store shares. */
export interface CosmosContext {
  io: CosmosIo;
  /** Keys in write order, for the audit trail's and the outbox's order (item-keys.ts). */
  nextSeq: () => string;
  /** The audit chains' heads as this process last saw them (audit-chain-heads.ts). */
  chainHeads: ChainHeads;
  /** Signs each chain head (the partition's checkpoint) and checks the ones read back (audit-checkpoint.ts). */
  checkpoints: CheckpointSigner;
}

/**
 * Runs an optimistic write until it settles: `attempt` returns a value, or undefined to be run again
 * after a conflict. The first retry is at once; later ones wait a random while that grows to at most
 * `MAX_BACKOFF_MS` (full jitter), so many writers contending for one item — fifty taps appending to one
 * application's audit chain — take turns instead of colliding again and again.
 */
export async function retryOnConflict<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  attempts = 40,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    if (i > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** i)));
    const settled = await attempt();
    if (settled !== undefined) return settled;
  }
  throw new Error(`Cosmos DB: ${what} kept conflicting with concurrent writes (${attempts} attempts)`);
}

const MAX_BACKOFF_MS = 200;

/** How a damaged item is named in the error: its partition and id when it has them. */
export function itemKey(raw: unknown, fallback: string): string {
  const { pk, id } = typeof raw === 'object' && raw !== null ? (raw as { pk?: unknown; id?: unknown }) : {};
  return typeof pk === 'string' && typeof id === 'string' ? `${pk} ${id}` : fallback;
}
