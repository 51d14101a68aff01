import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { SearchFilter, TermKind } from '../../app/use-cases';
import { APPLICATION_STATES } from '../../domain/application-state';
import { isLocalDate } from '../../domain/local-date';
import { STEP_IDS } from '../../domain/route';

/** The card by which Teams asks a person's leave to save a file to their OneDrive (1:1 chats only). */
export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
/** The card that shows a file saved to a person's OneDrive, to preview, open or download. */
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const instant = z.string().datetime().nullable();
const day = z.string().refine(isLocalDate).nullable().optional();
/** Every kind a word may be said to be; a kind added to TermKind and not here fails the build below. */
const TERM_KINDS = [
  'unit',
  'applicant',
  'tier',
  'product',
  'activity',
  'customer',
] as const satisfies readonly TermKind[];
/** As many words as searchFilterOf reads, and more: a card's filter never needs more. */
const MAX_WORDS = 32;

/** A `列表` filter as a card carried it back. */
const searchFilter = z
  .object({
    states: z.array(z.enum(APPLICATION_STATES)).max(MAX_WORDS),
    steps: z.array(z.enum(STEP_IDS)).max(MAX_WORDS),
    overdue: z.boolean(),
    flagged: z.boolean(),
    submittedFrom: instant,
    submittedBefore: instant,
    activeFrom: day,
    activeTo: day,
    terms: z.array(z.string().min(1).max(64)).max(MAX_WORDS),
    typed: z
      .array(z.object({ kind: z.enum(TERM_KINDS), word: z.string().min(1).max(64) }).strict())
      .max(MAX_WORDS)
      .optional(),
  })
  .strict() satisfies z.ZodType<SearchFilter>;

// The schema names every field of SearchFilter and every kind of word: a new one fails the build here
// (rather than a card with it being refused as unreadable on accept).
const everyField: Exclude<keyof SearchFilter, keyof z.infer<typeof searchFilter>> extends never ? true : never = true;
const everyKind: Exclude<TermKind, (typeof TERM_KINDS)[number]> extends never ? true : never = true;
void [everyField, everyKind];

/**
 * What an export's consent card carries, and Teams sends back on accept or decline: which offer it
 * was and the filter it was made with, so the file sent is the one offered. Nothing in it is trusted:
 * the person's role is checked again on accept, and an offer is sent once.
 */
export const exportConsentContext = z
  .object({ kind: z.literal('plandesk.export'), exportId: z.string().min(1).max(100), filter: searchFilter })
  .strict();
export type ExportConsentContext = z.infer<typeof exportConsentContext>;

/** Where Teams, on accept, asks the file to be put (an upload session in the person's OneDrive) and what it is there. */
export const uploadInfo = z.object({
  uploadUrl: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//i.test(url)),
  contentUrl: z.string().url(),
  name: z.string().trim().min(1).max(255),
  uniqueId: z.string().min(1).max(200),
  fileType: z.string().max(32),
});
export type UploadInfo = z.infer<typeof uploadInfo>;

/** A file-consent card: the file's name, what it holds in words, its size, and the context it comes back with. */
export function fileConsentCard(
  name: string,
  description: string,
  sizeInBytes: number,
  context: ExportConsentContext,
): Attachment {
  return {
    contentType: FILE_CONSENT,
    name,
    content: { description, sizeInBytes, acceptContext: context, declineContext: context },
  };
}

/** The card of a file now in the person's OneDrive, as Teams named and placed it. */
export function fileInfoCard(file: UploadInfo): Attachment {
  return {
    contentType: FILE_INFO,
    contentUrl: file.contentUrl,
    name: file.name,
    content: { uniqueId: file.uniqueId, fileType: file.fileType },
  };
}
