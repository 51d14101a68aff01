import type { Container, CosmosClient, IndexingPolicy } from '@azure/cosmos';
import { statusOf } from './cosmos-io';
import { reportFactsFilled } from './report-facts';
import { listFieldsFilled } from './waiting-lists';

/** The one container: every item names its logical partition in /pk (see README.md for why one). */
export const CONTAINER_ID = 'plandesk';
export const PARTITION_KEY_PATH = '/pk';

/**
 * Only the paths queries filter or sort on are indexed; documents' bodies (applications, catalogs,
 * messages) are not, which keeps every write's index cost small. `pendingDue` and `pendingSeq` exist
 * only on pending jobs and messages, so the tick's and the delivery's range queries read an index
 * as large as the work waiting, not as everything ever stored.
 */
export const INDEXED_PATHS = [
  '/pk/?',
  '/type/?',
  '/applicant/?',
  '/unit/?',
  '/state/?',
  '/submittedAt/?',
  '/seq/?',
  '/subject/?',
  '/messageId/?',
  '/jobId/?',
  '/status/?',
  '/pendingDue/?',
  '/leaseUntil/?',
  '/pendingSeq/?',
  '/reportSince/?',
  '/reportUntil/?',
  // A customer's track record and the plans overlapping a new one; how plans on an activity fared.
  '/body/input/customer/groupId/?',
  '/body/input/activity/?',
  // 待办 and 列表's filters: on application items only while a step is awaited or the plan was flagged.
  '/awaitedStep/?',
  '/awaitedRole/?',
  '/awaitedAssignee/?',
  '/awaitedDelegate/?',
  '/awaitedDueAt/?',
  '/flagged/?',
] as const;

/**
 * Lists of applications are newest first, ties in write order: an ORDER BY on two paths needs its composite
 * index. `待办`'s lists read one state's plans oldest first, and the flagged plans are newest first: each has
 * a composite index led by the field it filters on, so a page reads as far as the page and no further.
 */
const COMPOSITE_INDEXES: NonNullable<IndexingPolicy['compositeIndexes']> = [
  [
    { path: '/submittedAt', order: 'descending' },
    { path: '/seq', order: 'descending' },
  ],
  [
    { path: '/state', order: 'ascending' },
    { path: '/submittedAt', order: 'ascending' },
    { path: '/seq', order: 'ascending' },
  ],
  [
    { path: '/flagged', order: 'ascending' },
    { path: '/submittedAt', order: 'descending' },
    { path: '/seq', order: 'descending' },
  ],
];

export const INDEXING_POLICY: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: INDEXED_PATHS.map((path) => ({ path })),
  excludedPaths: [{ path: '/*' }],
  compositeIndexes: COMPOSITE_INDEXES,
};

const refusedHint = (what: string) =>
  `${what} does not exist and this identity may not create it (Microsoft Entra data-plane roles cannot create databases or containers): ` +
  `create it with the Azure CLI or Bicep — partition key ${PARTITION_KEY_PATH}, indexing policy as in src/store/cosmos/README.md — or use COSMOS_KEY`;

/**
 * The container, created with its database if missing. An existing one must be partitioned by /pk;
 * an index path it lacks is added (with an account key; an identity without the right is told how).
 */
export async function ensureContainer(client: CosmosClient, databaseId: string): Promise<Container> {
  const database = await refusedWith(
    `database "${databaseId}"`,
    async () => (await client.databases.createIfNotExists({ id: databaseId })).database,
  );
  const { container, statusCode } = await refusedWith(`container "${CONTAINER_ID}"`, () =>
    database.containers.createIfNotExists({
      id: CONTAINER_ID,
      partitionKey: { paths: [PARTITION_KEY_PATH] },
      indexingPolicy: INDEXING_POLICY,
    }),
  );
  // A container created now holds no application from before report facts or list fields: none to fill later.
  if (statusCode === 201) {
    await container.items.upsert(reportFactsFilled());
    await container.items.upsert(listFieldsFilled());
  }
  const { resource: definition } = await container.read();
  if (!definition) throw new Error(`Cosmos DB: container "${CONTAINER_ID}" vanished while opening it`);
  const paths = definition.partitionKey?.paths ?? [];
  if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
    throw new Error(
      `Cosmos DB: container "${CONTAINER_ID}" in "${databaseId}" is partitioned by ${paths.join(', ') || 'nothing'}, not ${PARTITION_KEY_PATH}; PlanDesk cannot use it`,
    );
  }
  const indexed = new Set((definition.indexingPolicy?.includedPaths ?? []).map((p) => p.path));
  const missing = INDEXED_PATHS.filter((p) => !indexed.has(p));
  const composites = definition.indexingPolicy?.compositeIndexes ?? [];
  const key = (c: readonly { path?: string; order?: string }[]) => c.map((p) => `${p.path} ${p.order}`).join(',');
  const missingComposites = COMPOSITE_INDEXES.filter((c) => !composites.some((d) => key(d) === key(c)));
  if ((missing.length > 0 && !indexed.has('/*')) || missingComposites.length > 0) {
    const includedPaths = indexed.has('/*')
      ? (definition.indexingPolicy?.includedPaths ?? [])
      : [...(definition.indexingPolicy?.includedPaths ?? []), ...missing.map((path) => ({ path }))];
    const compositeIndexes = [...composites, ...missingComposites];
    await refusedWith(`the index on ${[...missing, ...missingComposites.map(key)].join(', ')}`, () =>
      container.replace({
        ...definition,
        indexingPolicy: { ...definition.indexingPolicy, includedPaths, compositeIndexes },
      }),
    );
  }
  return container;
}

async function refusedWith<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (statusOf(error) === 403) throw new Error(`Cosmos DB: ${refusedHint(what)}`, { cause: error });
    throw error;
  }
}
