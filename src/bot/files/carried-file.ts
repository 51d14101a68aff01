import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A file's text as a confirmation card carries it: gzip, base64, and its SHA-256.
 *
 * Why the card carries the file rather than the store keeping it until 确认生效: the confirmation may
 * reach another instance later, and the card is the one place both the review and the tap share
 * without a new store collection (and its migration, Cosmos items and transfer). It is sound because
 * nothing on the card is trusted: on confirm the text is read and checked again from scratch, the
 * role is checked again, and the import is refused if another version came since the review
 * (`baseVersion`). A tampered card can therefore only import what its holder could have sent as a
 * file. The hash guards against a truncated or damaged payload, not against its holder. The price is
 * size: Teams refuses a message past about 28 KB, and PlanDesk's cards keep to 26 KB
 * (test/bot/card-size.test.ts); the review's words take up to about 10 KB of that (each section's
 * first lines, test/bot/every-card-size.test.ts), which leaves 14,000 characters of base64 — some
 * 10 KB of gzip, a catalog of several hundred products. A file whose compressed form exceeds
 * MAX_CARRIED_CHARS is refused in words and left to the command line.
 */
export const MAX_CARRIED_CHARS = 14_000;

/** The largest text a carried payload may unpack to (the download limit), so a crafted payload cannot balloon. */
const MAX_TEXT_BYTES = 1024 * 1024;

export interface CarriedFile {
  payload: string;
  sha256: string;
}

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text packed for a card's data. */
export function carry(text: string): CarriedFile {
  return { payload: gzipSync(Buffer.from(text, 'utf8')).toString('base64'), sha256: sha256Of(text) };
}

/** The text a card carried, or null when it does not unpack to text with the hash it came with. */
export function unpack(carried: CarriedFile): string | null {
  try {
    const text = gunzipSync(Buffer.from(carried.payload, 'base64'), { maxOutputLength: MAX_TEXT_BYTES }).toString(
      'utf8',
    );
    return sha256Of(text) === carried.sha256 ? text : null;
  } catch {
    // Not gzip, or larger than any file PlanDesk downloads: the card was damaged; the caller says so.
    return null;
  }
}
