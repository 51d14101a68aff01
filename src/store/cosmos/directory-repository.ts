import { z } from 'zod';
import { auditEntry } from '../../app/records/audit';
import type { DirectoryRepository } from '../../app/ports/store';
import { directorySchema } from '../schemas/reference-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import { ITEM_IDS, PARTITIONS } from './item-keys';
import { commitVersion } from './reference-writes';

const directoryItemSchema = z.object({
  version: z.number().int().positive(),
  body: directorySchema,
  _etag: z.string(),
});

const PK = PARTITIONS.directory;
const CURRENT = ITEM_IDS.current('directory');

/**
 * The directory: the current one in a head item (one point read on every turn that needs it), each
 * replacement also kept as a version item, with an audit entry holding before and after.
 */
export function cosmosDirectoryRepository(ctx: CosmosContext): DirectoryRepository {
  const readCurrent = async (operation: string) => {
    const raw = await ctx.io.read(operation, PK, CURRENT);
    return raw === null ? null : parseDocument(directoryItemSchema, 'directory', CURRENT, raw);
  };
  return {
    async replace(directory, by, at) {
      const body = checkDocument(directorySchema, 'directory', directory);
      await retryOnConflict('replacing the directory', async () => {
        const current = await readCurrent('directory.replace');
        const version = (current?.version ?? 0) + 1;
        const fields = { pk: PK, type: 'directory', version, replacedAt: at.toISOString(), replacedBy: by, body };
        const committed = await commitVersion(
          ctx,
          'directory.replace',
          { item: { id: CURRENT, ...fields }, etag: current?._etag ?? null },
          { id: ITEM_IDS.version('directory', version), ...fields },
          auditEntry(at, by, 'directory.replace', 'directory', current?.body ?? null, directory),
        );
        return committed ? true : undefined;
      });
    },
    async get() {
      return (await readCurrent('directory.get'))?.body ?? null;
    },
  };
}
