import { z } from 'zod';
import { auditEntry } from '../../app/records/audit';
import type { DirectoryVersion } from '../../app/records/directory';
import type { DirectoryRepository } from '../../app/ports/store';
import { directorySchema } from '../schemas/reference-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import { ITEM_IDS, PARTITIONS } from './item-keys';
import { commitVersion } from './reference-writes';

// Items predate versioned imports: a version's import time and importer are its replacedAt and replacedBy.
const directoryItemSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  replacedAt: z.string(),
  replacedBy: z.string(),
  body: directorySchema,
});
type DirectoryItem = z.infer<typeof directoryItemSchema>;
const headSchema = directoryItemSchema.extend({ _etag: z.string() });

const PK = PARTITIONS.directory;
const CURRENT = ITEM_IDS.current('directory');

const toVersion = (item: DirectoryItem): DirectoryVersion => ({
  ...item.body,
  version: item.version,
  importedAt: item.replacedAt,
  importedBy: item.replacedBy,
});

/**
 * Directory versions in one small partition: an item per version, and the newest again in a head
 * item (one point read on every turn that needs who is who), each import audited with the version
 * before it. Versions are only added.
 */
export function cosmosDirectoryRepository(ctx: CosmosContext): DirectoryRepository {
  const readHead = async (operation: string) => {
    const raw = await ctx.io.read(operation, PK, CURRENT);
    return raw === null ? null : parseDocument(headSchema, 'directory', CURRENT, raw);
  };
  return {
    async add(directory, by, at) {
      const body = checkDocument(directorySchema, 'directory', directory);
      return retryOnConflict('adding a directory version', async () => {
        const head = await readHead('directory.add');
        const version = (head?.version ?? 0) + 1;
        const fields = { pk: PK, type: 'directory', version, replacedAt: at.toISOString(), replacedBy: by, body };
        const added = toVersion({ id: ITEM_IDS.version('directory', version), ...fields });
        const committed = await commitVersion(
          ctx,
          'directory.add',
          { item: { id: CURRENT, ...fields }, etag: head?._etag ?? null },
          { id: ITEM_IDS.version('directory', version), ...fields },
          auditEntry(at, by, 'directory.import', 'directory', head ? toVersion(head) : null, added),
        );
        return committed ? added : undefined;
      });
    },
    async get() {
      const head = await readHead('directory.get');
      return head && toVersion(head);
    },
    async getVersion(version) {
      const id = ITEM_IDS.version('directory', version);
      const raw = await ctx.io.read('directory.getVersion', PK, id);
      return raw === null ? null : toVersion(parseDocument(directoryItemSchema, 'directory', id, raw));
    },
    async list() {
      // The head item has the type too; only the version items are the list.
      const raw = await ctx.io.inPartition('directory.list', PK, 'c.type = "directory" AND c.id != @head', [
        { name: '@head', value: CURRENT },
      ]);
      return raw
        .map((item, i) => toVersion(parseDocument(directoryItemSchema, 'directory', `list #${i}`, item)))
        .sort((a, b) => a.version - b.version);
    },
  };
}
