import { describeStoreContract } from './store-contract';
import { describeAuditChainContract } from './support/audit-chain-contract';
import { describeConversationsContract } from './support/conversations-contract';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';
import { describeJobsContract } from './support/jobs-contract';
import { describeListsContract } from './support/lists-contract';
import { describeOutboxContract } from './support/outbox-contract';

let target: CosmosTarget | undefined;
const started = async () => (target ??= await startCosmosTarget());
afterAll(async () => {
  await target?.stop();
});

/** A fresh database per test, on cosmosdb-server in this process, or on COSMOS_ENDPOINT when it is set. */
async function oneStore() {
  const database = freshDatabase(await started());
  return { store: await database.open(), reopen: () => database.open(), cleanup: () => database.cleanup() };
}

/** Two stores on one fresh database, as two bot instances on one account. */
async function twoStores() {
  const database = freshDatabase(await started());
  return { store: await database.open(), other: await database.open(), cleanup: () => database.cleanup() };
}

/** Two instances on one database; behind them, a plain client on its container, as the Data Explorer has. */
async function auditChainHarness() {
  const database = freshDatabase(await started());
  const container = database.client.database(database.name).container('plandesk');
  const nth = async (subject: string, index: number) => {
    const { resources } = await container.items
      .query<{ id: string; pk: string; seq: string; body: { actor: string } }>({
        query: 'SELECT * FROM c WHERE c.type = "audit" AND c.subject = @subject',
        parameters: [{ name: '@subject', value: subject }],
      })
      .fetchAll();
    const item = resources.sort((a, b) => a.seq.localeCompare(b.seq))[index];
    if (!item) throw new Error(`no audit entry #${index} about ${subject}`);
    return item;
  };
  return {
    store: await database.open(),
    other: await database.open(),
    cleanup: () => database.cleanup(),
    behind: {
      async changeActor(subject: string, index: number, actor: string) {
        const item = await nth(subject, index);
        await container.item(item.id, item.pk).replace({ ...item, body: { ...item.body, actor } });
      },
      async remove(subject: string, index: number) {
        const item = await nth(subject, index);
        await container.item(item.id, item.pk).delete();
      },
    },
  };
}

describeStoreContract('Cosmos DB', oneStore);
describeListsContract('Cosmos DB', oneStore);
describeAuditChainContract('Cosmos DB', auditChainHarness);
describeOutboxContract('Cosmos DB', twoStores);
describeJobsContract('Cosmos DB', twoStores);
describeConversationsContract('Cosmos DB', oneStore);
