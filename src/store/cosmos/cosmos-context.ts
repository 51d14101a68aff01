import type { ChainHeads } from './audit-chain-heads';
import type { CosmosIo } from './cosmos-io';

/** What every repository of one Cosmos store shares. */
export interface CosmosContext {
  io: CosmosIo;
  /** Keys in write order, for the audit trail's and the outbox's order (item-keys.ts). */
  nextSeq: () => string;
  /** The audit chains' heads as this process last saw them (audit-chain-heads.ts). */
  chainHeads: ChainHeads;
}

/** Runs an optimistic write until it settles: `attempt` returns a value, or undefined to be run again after a conflict. */
export async function retryOnConflict<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  attempts = 20,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const settled = await attempt();
    if (settled !== undefined) return settled;
  }
  throw new Error(`Cosmos DB: ${what} kept conflicting with concurrent writes (${attempts} attempts)`);
}

/** How a damaged item is named in the error: its partition and id when it has them. */
export function itemKey(raw: unknown, fallback: string): string {
  const { pk, id } = typeof raw === 'object' && raw !== null ? (raw as { pk?: unknown; id?: unknown }) : {};
  return typeof pk === 'string' && typeof id === 'string' ? `${pk} ${id}` : fallback;
}
