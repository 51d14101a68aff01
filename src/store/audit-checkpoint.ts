import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditChainBreak } from '../app/ports/audit-chain';

/** The keys audit checkpoints are signed with (PLANDESK_AUDIT_KEY, and during a rotation the key before it). */
export interface AuditKeys {
  key: string;
  previousKey?: string;
}

/** Where a chain ends, as its checkpoint records it: the chain (`""` or the partition), its last place and that entry's hash. */
export interface Checkpoint {
  chain: string;
  position: number;
  hash: string;
}

/**
 * What a checkpoint's signature says: made with the current key, or the previous one; none although a
 * key is configured; one that neither key made (the checkpoint was rewritten, rolled back, or signed
 * with another key); or `unkeyed`: no key is configured, so nothing was checked.
 */
export type CheckpointSeal = 'current' | 'previous' | 'unsigned' | 'forged' | 'unkeyed';

/** Signs checkpoints with the current key and tells whose signature a checkpoint carries. */
export interface CheckpointSigner {
  /** Whether a key is configured; without one, checkpoints are written unsigned and never checked. */
  readonly keyed: boolean;
  /** The signature for a checkpoint, or undefined when no key is configured. */
  sign(checkpoint: Checkpoint): string | undefined;
  seal(checkpoint: Checkpoint, signature: string | null | undefined): CheckpointSeal;
}

/**
 * HMAC-SHA256 (hex) over a version tag and the checkpoint as a JSON array, so no partition name can
 * run into the number after it.
 */
const hmac = (key: string, { chain, position, hash }: Checkpoint): string =>
  createHmac('sha256', key)
    .update(`plandesk-audit-checkpoint-v1\n${JSON.stringify([chain, position, hash])}`)
    .digest('hex');

const sameHex = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** The signer for a store: with no keys, one that signs nothing and checks nothing. */
export function checkpointSigner(keys?: AuditKeys): CheckpointSigner {
  if (!keys) return { keyed: false, sign: () => undefined, seal: () => 'unkeyed' };
  return {
    keyed: true,
    sign: (checkpoint) => hmac(keys.key, checkpoint),
    seal(checkpoint, signature) {
      if (!signature) return 'unsigned';
      if (sameHex(signature, hmac(keys.key, checkpoint))) return 'current';
      if (keys.previousKey !== undefined && sameHex(signature, hmac(keys.previousKey, checkpoint))) return 'previous';
      return 'forged';
    },
  };
}

/** The break a checkpoint's seal makes, if it makes one: no valid signature although a key is configured. */
export function sealBreak(checkpoint: Checkpoint, seal: CheckpointSeal): AuditChainBreak | null {
  if (seal !== 'forged' && seal !== 'unsigned') return null;
  return { chain: checkpoint.chain, position: checkpoint.position, entry: null, problem: seal };
}

/**
 * Refuses to chain after a checkpoint that no configured key signed: appending would sign it anew and
 * so make a rewritten or rolled-back tail look as if the store had written it.
 */
export function assertSealed(signer: CheckpointSigner, checkpoint: Checkpoint, signature: string | null | undefined) {
  const seal = signer.seal(checkpoint, signature);
  if (seal !== 'forged' && seal !== 'unsigned') return;
  const where = checkpoint.chain === '' ? 'the audit trail' : `partition ${checkpoint.chain}`;
  throw new Error(
    seal === 'unsigned'
      ? `the audit checkpoint of ${where} is not signed although PLANDESK_AUDIT_KEY is set; if it was written before the key was, run "plandesk audit sign", else "plandesk audit verify"`
      : `the audit checkpoint of ${where} carries a signature PLANDESK_AUDIT_KEY did not make (rewritten or rolled back); run "plandesk audit verify"`,
  );
}
