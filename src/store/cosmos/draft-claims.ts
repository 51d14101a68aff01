import { z } from 'zod';
import { parseDocument } from '../schemas/stored-document';
import type { CosmosContext } from './cosmos-context';
import { draftPartition, ITEM_IDS } from './item-keys';

const claimSchema = z.object({ applicationId: z.string().min(1), _etag: z.string().optional() });

/**
 * A draft's claim: which application an applicant filed from one filling of the form. Applications
 * live in partitions of their own, and Cosmos DB's unique keys hold within one partition only, so the
 * claim is an item in the applicant's draft partition, created (409 when taken) before the
 * application's batch: two instances filing the same draft at once cannot both get it.
 */
export function draftClaims(ctx: CosmosContext) {
  const read = async (applicant: string, draftId: string) => {
    const raw = await ctx.io.read('applications.draft', draftPartition(applicant), ITEM_IDS.draft(draftId));
    return raw === null ? null : parseDocument(claimSchema, 'drafts', `${applicant}/${draftId}`, raw);
  };
  const item = (applicant: string, draftId: string, applicationId: string) =>
    ({ id: ITEM_IDS.draft(draftId), pk: draftPartition(applicant), type: 'draft', applicationId });
  return {
    read,
    /**
     * Claims the draft for an application; when it is taken, the id it was claimed for. A claim whose
     * application was never filed from this draft (a crash between claim and batch, a batch refused)
     * is taken over, so a claim needs no clean-up.
     */
    async claim(applicant: string, draftId: string, applicationId: string, filedFromIt: (id: string) => Promise<boolean>): Promise<string | null> {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        if (await ctx.io.create('applications.draft', item(applicant, draftId, applicationId))) return null;
        const current = await read(applicant, draftId);
        if (!current) continue;
        if (current.applicationId === applicationId || (await filedFromIt(current.applicationId))) return current.applicationId === applicationId ? null : current.applicationId;
        if (current._etag && (await ctx.io.replace('applications.draft', item(applicant, draftId, applicationId), current._etag))) return null;
      }
      throw new Error(`the draft ${draftId} of ${applicant} could not be claimed`);
    },
  };
}
