import { z } from 'zod';
import { auditEntry } from '../../app/records/audit';
import type { PolicyRepository } from '../../app/ports/store';
import { isLocalDate, type LocalDate } from '../../domain/local-date';
import type { Policy } from '../../domain/policy';
import { policyContentSchema } from '../schemas/reference-schemas';
import { localDate } from '../schemas/value-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import { ITEM_IDS, PARTITIONS } from './item-keys';
import { commitVersion } from './reference-writes';

const policyItemSchema = z.object({
  version: z.number().int().positive(),
  effectiveFrom: localDate,
  importedAt: z.string(),
  importedBy: z.string(),
  body: policyContentSchema,
});
const indexSchema = z.object({
  versions: z.array(z.object({ version: z.number().int().positive(), effectiveFrom: localDate })),
  _etag: z.string(),
});
type IndexEntry = z.infer<typeof indexSchema>['versions'][number];

const PK = PARTITIONS.policy;
const INDEX = ITEM_IDS.policyIndex;

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** policyInForce() over the index: latest effective date on or before the day, later version on a tie. */
const inForce = (versions: readonly IndexEntry[], date: LocalDate): IndexEntry | undefined =>
  versions
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];

/**
 * Policy versions in one small partition, with an index item listing each version's effective date:
 * the policy in force on a day is two point reads (the index, then that version), whatever the dates.
 */
export function cosmosPolicyRepository(ctx: CosmosContext): PolicyRepository {
  const readIndex = async (operation: string) => {
    const raw = await ctx.io.read(operation, PK, INDEX);
    return raw === null ? null : parseDocument(indexSchema, 'policies', INDEX, raw);
  };
  const toPolicy = (raw: unknown, key: string): Policy => {
    const item = parseDocument(policyItemSchema, 'policies', key, raw);
    return {
      ...item.body,
      version: item.version,
      effectiveFrom: item.effectiveFrom,
      importedAt: item.importedAt,
      importedBy: item.importedBy,
    };
  };
  const get = async (operation: string, version: number) => {
    const id = ITEM_IDS.version('policy', version);
    const raw = await ctx.io.read(operation, PK, id);
    return raw === null ? null : toPolicy(raw, id);
  };

  return {
    async add(content, effectiveFrom, by, at) {
      assertDate(effectiveFrom);
      const body = checkDocument(policyContentSchema, 'policy', content);
      return retryOnConflict('adding a policy version', async () => {
        const index = await readIndex('policies.add');
        const versions = index?.versions ?? [];
        const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
        const policy: Policy = { ...body, version, effectiveFrom, importedAt: at.toISOString(), importedBy: by };
        const head = { id: INDEX, pk: PK, type: 'policy-index', versions: [...versions, { version, effectiveFrom }] };
        const item = {
          id: ITEM_IDS.version('policy', version),
          pk: PK,
          type: 'policy',
          version,
          effectiveFrom,
          importedAt: policy.importedAt,
          importedBy: by,
          body,
        };
        const committed = await commitVersion(
          ctx,
          'policies.add',
          { item: head, etag: index?._etag ?? null },
          item,
          auditEntry(at, by, 'policy.import', 'policy', null, policy),
        );
        return committed ? policy : undefined;
      });
    },
    async inForceOn(date) {
      assertDate(date);
      const entry = inForce((await readIndex('policies.inForceOn'))?.versions ?? [], date);
      return entry ? get('policies.inForceOn', entry.version) : null;
    },
    async get(version) {
      return get('policies.get', version);
    },
    async list() {
      const raw = await ctx.io.inPartition('policies.list', PK, 'c.type = "policy"');
      return raw.map((item, i) => toPolicy(item, `list #${i}`)).sort((a, b) => a.version - b.version);
    },
  };
}
