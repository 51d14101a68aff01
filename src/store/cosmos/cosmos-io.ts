import {
  BulkOperationType,
  type Container,
  type JSONObject,
  type OperationInput,
  type FeedOptions,
  type SqlParameter,
  type SqlQuerySpec,
} from '@azure/cosmos';
import type { ChargeMeter } from './request-charges';

/** An item as this store writes it: each names its kind in `type` and its logical partition in `pk`. */
export interface Item {
  id: string;
  pk: string;
  type: string;
  [field: string]: unknown;
}

/** One operation of a transactional batch; a replace names the ETag the item must still have. */
export type BatchOp =
  { op: 'create'; item: Item } | { op: 'upsert'; item: Item } | { op: 'replace'; item: Item; ifMatch: string };

/**
 * A batch either committed whole (with each operation's new ETag), or failed at `index` with `status`
 * (409 exists, 412 changed, 404 gone) and wrote nothing.
 */
export type BatchOutcome = { ok: true; etags: (string | undefined)[] } | { ok: false; index: number; status: number };

/** The container operations the repositories use, each metered under the name of the store operation it serves. */
export interface CosmosIo {
  /** A point read: the raw item (with `_etag`), or null when there is none. */
  read(operation: string, pk: string, id: string): Promise<unknown>;
  /** Creates the item; false when one with its id is already in its partition. */
  create(operation: string, item: Item): Promise<boolean>;
  upsert(operation: string, item: Item): Promise<void>;
  /** Replaces the item only while it still has ETag `ifMatch`; false when it changed or is gone. */
  replace(operation: string, item: Item, ifMatch: string): Promise<boolean>;
  /** Deletes the item only while it still has ETag `ifMatch`; false when it changed or is gone. */
  remove(operation: string, pk: string, id: string, ifMatch: string): Promise<boolean>;
  /** Adds `by` to a number field in one atomic patch; the item after it, or null when there is no such item. */
  increment(operation: string, pk: string, id: string, path: string, by: number): Promise<unknown>;
  /** A query across partitions, page by page. */
  pages(operation: string, query: SqlQuerySpec, options?: { pageSize?: number }): AsyncGenerator<unknown[]>;
  all(operation: string, query: SqlQuerySpec): Promise<unknown[]>;
  /**
   * The items of one partition that match `where` (parameters other than @pk): the query is routed to
   * the partition and also filters on it, since cosmosdb-server does not scope a query by the routing.
   */
  inPartition(operation: string, pk: string, where: string, parameters?: SqlParameter[]): Promise<unknown[]>;
  /** Runs operations on one partition as one transaction (at most 100). */
  batch(operation: string, pk: string, ops: readonly BatchOp[]): Promise<BatchOutcome>;
  /**
   * Creates or upserts many items, in any partitions, with the SDK's bulk operations (grouped into as few
   * requests as the partitions allow; not a transaction): each one's HTTP status, in order (a create of an
   * item already there is 409).
   */
  bulk(operation: string, ops: readonly { op: 'create' | 'upsert'; item: Item }[]): Promise<number[]>;
  /**
   * Point reads of many items, in any partitions, with the SDK's bulk operations: each raw item (with
   * `_etag`), or null when there is none, in order.
   */
  readMany(operation: string, keys: readonly { pk: string; id: string }[]): Promise<unknown[]>;
}

/** The HTTP status of a failed request, when the SDK gave one. */
export function statusOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}

function chargeOf(error: unknown): number | undefined {
  const headers =
    typeof error === 'object' && error !== null ? (error as { headers?: Record<string, unknown> }).headers : undefined;
  const charge = headers?.['x-ms-request-charge'];
  return charge === undefined ? undefined : Number(charge);
}

// A batch carries plain JSON; the round trip also drops undefined fields, as every other write does.
const asJson = (item: Item): JSONObject => JSON.parse(JSON.stringify(item));

function toOperation(batchOp: BatchOp): OperationInput {
  const { item } = batchOp;
  // Each operation names its partition too: the service takes it from the request, cosmosdb-server only from here.
  if (batchOp.op === 'create')
    return { operationType: BulkOperationType.Create, partitionKey: item.pk, resourceBody: asJson(item) };
  if (batchOp.op === 'upsert')
    return { operationType: BulkOperationType.Upsert, partitionKey: item.pk, resourceBody: asJson(item) };
  return {
    operationType: BulkOperationType.Replace,
    partitionKey: item.pk,
    id: item.id,
    ifMatch: batchOp.ifMatch,
    resourceBody: asJson(item),
  };
}

/** The metered operations over one container. */
export function cosmosIo(container: Container, meter: ChargeMeter): CosmosIo {
  /** Runs one request, records its charge (a failed one's too), and maps the expected failure statuses to values. */
  async function request<T>(
    operation: string,
    run: () => Promise<[T, number | undefined]>,
    expected: Record<number, T> = {},
  ): Promise<T> {
    try {
      const [value, charge] = await run();
      meter.record(operation, charge);
      return value;
    } catch (error) {
      meter.record(operation, chargeOf(error));
      const status = statusOf(error);
      if (status !== undefined && status in expected) return expected[status] as T;
      throw error;
    }
  }

  async function* pagesOf(operation: string, query: SqlQuerySpec, options: FeedOptions): AsyncGenerator<unknown[]> {
    const iterator = container.items.query(query, options);
    while (iterator.hasMoreResults()) {
      yield await request(operation, async () => {
        const page = await iterator.fetchNext();
        return [page.resources as unknown[], page.requestCharge];
      });
    }
  }
  async function allOf(operation: string, query: SqlQuerySpec, options: FeedOptions): Promise<unknown[]> {
    const items: unknown[] = [];
    for await (const page of pagesOf(operation, query, { maxItemCount: 100, ...options })) items.push(...page);
    return items;
  }

  return {
    async read(operation, pk, id) {
      return request(operation, async () => {
        const response = await container.item(id, pk).read();
        return [response.statusCode === 404 ? null : ((response.resource as unknown) ?? null), response.requestCharge];
      });
    },
    async create(operation, item) {
      return request(operation, async () => [true, (await container.items.create(item)).requestCharge], { 409: false });
    },
    async upsert(operation, item) {
      await request(operation, async () => [undefined, (await container.items.upsert(item)).requestCharge]);
    },
    async replace(operation, item, ifMatch) {
      const ifUnchanged = { accessCondition: { type: 'IfMatch', condition: ifMatch } };
      return request(
        operation,
        async () => [true, (await container.item(item.id, item.pk).replace(item, ifUnchanged)).requestCharge],
        { 412: false, 404: false },
      );
    },
    async remove(operation, pk, id, ifMatch) {
      const ifUnchanged = { accessCondition: { type: 'IfMatch', condition: ifMatch } };
      return request(operation, async () => [true, (await container.item(id, pk).delete(ifUnchanged)).requestCharge], {
        412: false,
        404: false,
      });
    },
    async increment(operation, pk, id, path, by) {
      return request<unknown>(
        operation,
        async () => {
          const response = await container.item(id, pk).patch([{ op: 'incr', path, value: by }]);
          return [(response.resource as unknown) ?? null, response.requestCharge];
        },
        { 404: null },
      );
    },
    pages: (operation, query, options = {}) => pagesOf(operation, query, { maxItemCount: options.pageSize ?? 100 }),
    all: (operation, query) => allOf(operation, query, {}),
    inPartition: (operation, pk, where, parameters = []) =>
      allOf(
        operation,
        {
          query: `SELECT * FROM c WHERE c.pk = @pk AND (${where})`,
          parameters: [{ name: '@pk', value: pk }, ...parameters],
        },
        { partitionKey: pk },
      ),
    async bulk(operation, ops) {
      if (ops.length === 0) return [];
      const results = await request(operation, async () => {
        const answers = await container.items.executeBulkOperations(
          ops.map(({ op, item }) => ({
            operationType: op === 'create' ? BulkOperationType.Create : BulkOperationType.Upsert,
            partitionKey: item.pk,
            resourceBody: item as unknown as JSONObject,
          })),
        );
        return [answers, answers.reduce((sum, a) => sum + (a.response?.requestCharge ?? 0), 0)];
      });
      return results.map((r) => r.response?.statusCode ?? statusOf(r.error) ?? 500);
    },
    async readMany(operation, keys) {
      if (keys.length === 0) return [];
      const results = await request(operation, async () => {
        const answers = await container.items.executeBulkOperations(
          keys.map(({ pk, id }) => ({ operationType: BulkOperationType.Read, partitionKey: pk, id })),
        );
        return [answers, answers.reduce((sum, a) => sum + (a.response?.requestCharge ?? 0), 0)];
      });
      return results.map((r, i) => {
        const status = r.response?.statusCode ?? statusOf(r.error) ?? 500;
        if (status === 404) return null;
        if (status >= 200 && status < 300) return (r.response?.resourceBody as unknown) ?? null;
        throw new Error(`Cosmos DB: reading ${keys[i]?.id} in ${keys[i]?.pk} failed with status ${status}`);
      });
    },
    async batch(operation, pk, ops) {
      if (ops.length > 100)
        throw new RangeError(`a transactional batch takes at most 100 operations, not ${ops.length}`);
      const results = await request(operation, async () => {
        const response = await container.items.batch(ops.map(toOperation), pk);
        const answers = response.result ?? [];
        const total = response.headers?.['x-ms-request-charge'];
        return [
          answers,
          total === undefined ? answers.reduce((sum, r) => sum + (r.requestCharge ?? 0), 0) : Number(total),
        ];
      });
      // The operation that failed carries its own status; the others say 424 (failed dependency).
      const index = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
      if (index >= 0) return { ok: false, index, status: results[index]?.statusCode ?? 0 };
      if (results.length !== ops.length)
        throw new Error(`batch: ${ops.length} operations sent, ${results.length} results back`);
      return { ok: true, etags: results.map((r) => r.eTag) };
    },
  };
}
