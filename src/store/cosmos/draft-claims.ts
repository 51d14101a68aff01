import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ApplicationRecord } from '../../app/records/application-record';
import { parseDocument } from '../schemas/stored-document';
import type { CosmosContext } from './cosmos-context';
import type { BatchOp, Item } from './cosmos-io';
import { draftPartition, ITEM_IDS } from './item-keys';

const OPERATION = 'applications.draft';
const ATTEMPTS = 40;
const claimSchema = z.object({ applicationId: z.string().min(1), _etag: z.string() });
const filingSchema = z.object({ by: z.enum(['filing', 'takeover']) });

const claimItem = (applicant: string, draftId: string, applicationId: string): Item => ({
  id: ITEM_IDS.draft(draftId),
  pk: draftPartition(applicant),
  type: 'draft',
  applicationId,
});

/** The claim of an application filed from a draft, as a migration writes it (a repeated import writes the same item). */
export const draftClaimOf = (record: ApplicationRecord & { draftId: string }): Item =>
  claimItem(record.input.applicant, record.draftId, record.id);

/** The draft is this filing's to file, or was filed already as `existing`. */
export type DraftClaim = { claimed: true } | { claimed: false; existing: ApplicationRecord };

/**
 * Drafts' claims: which application an applicant filed from one filling of the form. Applications live
 * in partitions of their own and Cosmos DB's unique keys hold within one partition only, so the claim
 * is an item in the applicant's draft partition, created (409 when taken) before the application's batch.
 *
 * A claim whose application is not there may be a filing in flight or one that crashed between claim
 * and batch: they look the same. So the batch that files from a draft creates a `filing` item in the
 * application's partition first, and whoever takes a claim over creates that item before it (as a
 * fence): exactly one of the two can, so an abandoned filing can never land after its draft was filed
 * again. Its applicant then gets the application filed instead.
 */
export function draftClaims(ctx: CosmosContext, readApplication: (id: string) => Promise<ApplicationRecord | null>) {
  const read = async (applicant: string, draftId: string) => {
    const raw = await ctx.io.read(OPERATION, draftPartition(applicant), ITEM_IDS.draft(draftId));
    return raw === null ? null : parseDocument(claimSchema, 'drafts', `${applicant}/${draftId}`, raw);
  };
  const filingItem = (applicationId: string, by: 'filing' | 'takeover'): Item => ({
    id: ITEM_IDS.filing,
    pk: applicationId,
    type: 'filing',
    by,
  });
  const filedFrom = (record: ApplicationRecord, applicant: string, draftId: string) =>
    record.input.applicant === applicant && record.draftId === draftId;

  /** True when the holder's filing can no longer land: this call fenced it, or someone else did. */
  const fenced = async (applicationId: string): Promise<boolean> => {
    if (await ctx.io.create(OPERATION, filingItem(applicationId, 'takeover'))) return true;
    const raw = await ctx.io.read(OPERATION, applicationId, ITEM_IDS.filing);
    return raw !== null && parseDocument(filingSchema, 'filings', applicationId, raw).by === 'takeover';
  };

  return {
    /** The application filed from a draft, if any. */
    async find(applicant: string, draftId: string): Promise<ApplicationRecord | null> {
      const claim = await read(applicant, draftId);
      const record = claim ? await readApplication(claim.applicationId) : null;
      return record && filedFrom(record, applicant, draftId) ? record : null;
    },

    /**
     * Claims the draft for the application `applicationId`, unless it was filed already. A claim whose
     * application will never be filed from it is taken over (an ETag-conditional replace): one held by
     * an application filed otherwise (its number was taken) or fenced. With `takeOver` false (this
     * filing was itself fenced) it only waits for the one that took it over.
     */
    async claim(applicant: string, draftId: string, applicationId: string, takeOver = true): Promise<DraftClaim> {
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        if (takeOver && (await ctx.io.create(OPERATION, claimItem(applicant, draftId, applicationId))))
          return { claimed: true };
        const current = await read(applicant, draftId);
        if (current?.applicationId === applicationId && takeOver) return { claimed: true };
        const holder = current ? await readApplication(current.applicationId) : null;
        if (holder && filedFrom(holder, applicant, draftId)) return { claimed: false, existing: holder };
        if (current && takeOver && (holder !== null || (await fenced(current.applicationId)))) {
          if (await ctx.io.replace(OPERATION, claimItem(applicant, draftId, applicationId), current._etag))
            return { claimed: true };
          continue;
        }
        // The holder's filing is landing (or this filing waits for the one that took it over): look again shortly.
        await sleep(Math.min(10 * (attempt + 1), 200));
      }
      throw new Error(`Cosmos DB: the draft ${draftId} of ${applicant} could not be claimed`);
    },

    /** The first operation of the batch that files `applicationId` from a draft (see above). */
    filing: (applicationId: string): BatchOp => ({ op: 'create', item: filingItem(applicationId, 'filing') }),

    /** Gives up the claim a filing that failed took, if it still holds it; a claim left behind is taken over anyway. */
    async release(applicant: string, draftId: string, applicationId: string): Promise<void> {
      const current = await read(applicant, draftId);
      if (current?.applicationId === applicationId)
        await ctx.io.remove(OPERATION, draftPartition(applicant), ITEM_IDS.draft(draftId), current._etag);
    },
  };
}
