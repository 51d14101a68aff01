import { z } from 'zod';
import { auditEntry } from '../../app/records/audit';
import type { CatalogRepository } from '../../app/ports/store';
import type { Catalog } from '../../domain/catalog';
import { catalogContentSchema } from '../schemas/reference-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import { ITEM_IDS, PARTITIONS } from './item-keys';
import { commitVersion } from './reference-writes';

const catalogItemSchema = z.object({
  version: z.number().int().positive(),
  importedAt: z.string(),
  importedBy: z.string(),
  body: catalogContentSchema,
  _etag: z.string(),
});

const PK = PARTITIONS.catalog;
const CURRENT = ITEM_IDS.current('catalog');

/**
 * Catalog versions in one small partition: an item per version, and the current one again in a head
 * item, so the approval path reads the current catalog with one point read. Versions are only added.
 */
export function cosmosCatalogRepository(ctx: CosmosContext): CatalogRepository {
  const read = async (operation: string, id: string) => {
    const raw = await ctx.io.read(operation, PK, id);
    return raw === null ? null : parseDocument(catalogItemSchema, 'catalogs', id, raw);
  };
  const toCatalog = (item: z.infer<typeof catalogItemSchema>): Catalog => ({
    ...item.body,
    version: item.version,
    importedAt: item.importedAt,
    importedBy: item.importedBy,
  });

  return {
    async add(content, by, at) {
      const body = checkDocument(catalogContentSchema, 'catalog', content);
      return retryOnConflict('adding a catalog version', async () => {
        const current = await read('catalogs.add', CURRENT);
        const version = (current?.version ?? 0) + 1;
        const fields = { pk: PK, type: 'catalog', version, importedAt: at.toISOString(), importedBy: by, body };
        const catalog = toCatalog({ ...fields, _etag: '' });
        const committed = await commitVersion(
          ctx,
          'catalogs.add',
          { item: { id: CURRENT, ...fields }, etag: current?._etag ?? null },
          { id: ITEM_IDS.version('catalog', version), ...fields },
          auditEntry(at, by, 'catalog.import', 'catalog', null, catalog),
        );
        return committed ? catalog : undefined;
      });
    },
    async current() {
      const item = await read('catalogs.current', CURRENT);
      return item && toCatalog(item);
    },
    async get(version) {
      const item = await read('catalogs.get', ITEM_IDS.version('catalog', version));
      return item && toCatalog(item);
    },
  };
}
