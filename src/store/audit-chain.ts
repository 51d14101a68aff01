import { createHash } from 'node:crypto';
import type { AuditChainBreak, AuditChainProblem } from '../app/ports/audit-chain';
import type { AuditEntry } from '../app/records/audit';

/** The "hash before" of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One text for one JSON value, whichever store read it back: object keys sorted, no spaces, absent
 * fields left out. The value is first taken through JSON as a store keeps it (a Date becomes its ISO text).
 */
export function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted(v[k])]),
          )
        : v;
  return JSON.stringify(sorted(JSON.parse(JSON.stringify(value ?? null))));
}

/**
 * The hash that chains an entry to the one before it: SHA-256 (hex) over a version tag, the hash
 * before, and the entry's six fields in canonical JSON (an absent before/after is null, as stored).
 */
export function chainHash(previous: string, entry: AuditEntry): string {
  const { at, actor, action, subject } = entry;
  const canonical = canonicalJson({
    at,
    actor,
    action,
    subject,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(`plandesk-audit-v1\n${previous}\n${canonical}`).digest('hex');
}

/** Entries chained one after another from `previous`: each with the hash before it and its own. */
export function chainEntries(
  previous: string,
  entries: readonly AuditEntry[],
): { entry: AuditEntry; prev: string; hash: string }[] {
  let prev = previous;
  return entries.map((entry) => {
    const hash = chainHash(prev, entry);
    const link = { entry, prev, hash };
    prev = hash;
    return link;
  });
}

/** An entry as a store read it back, with its place and the hashes stored with it (null where there are none). */
export interface StoredLink {
  position: number;
  entry: AuditEntry;
  prev: string | null;
  hash: string | null;
}

/** What a store recorded as the end of a chain (its last position, and that entry's hash when it keeps it). */
export interface RecordedEnd {
  position: number;
  hash?: string;
}

const breakAt = (chain: string, link: StoredLink, problem: AuditChainProblem): AuditChainBreak => ({
  chain,
  position: link.position,
  entry: { at: link.entry.at, action: link.entry.action, subject: link.entry.subject },
  problem,
});

/**
 * Walks one chain in order, one stored entry at a time (so a long trail needs no memory), against
 * where the store recorded its end: `next` answers the first break, `end` whether the chain stops
 * where it should. Without a recorded end (no entries written yet), every entry is one too many.
 */
export function chainWalker(chain: string, recorded: RecordedEnd | null) {
  let expected = GENESIS;
  let last: StoredLink | null = null;
  let entries = 0;
  return {
    get entries() {
      return entries;
    },
    next(link: StoredLink): AuditChainBreak | null {
      if (link.prev === null || link.hash === null) return breakAt(chain, link, 'unchained');
      if (link.prev !== expected) return breakAt(chain, link, 'unlinked');
      if (chainHash(link.prev, link.entry) !== link.hash) return breakAt(chain, link, 'altered');
      // Chained after the end the store recorded: put there behind its back.
      if (link.position > (recorded?.position ?? 0)) return breakAt(chain, link, 'unlinked');
      expected = link.hash;
      last = link;
      entries += 1;
      return null;
    },
    end(): AuditChainBreak | null {
      const at = last?.position ?? 0;
      if (recorded !== null && recorded.position > at)
        return {
          chain,
          position: at + 1,
          entry: last && { at: last.entry.at, action: last.entry.action, subject: last.entry.subject },
          problem: 'truncated',
        };
      // The last entry re-hashed after a change still chains; only the hash the store recorded for it tells.
      if (last && recorded?.hash !== undefined && recorded.hash !== last.hash) return breakAt(chain, last, 'altered');
      return null;
    },
  };
}
