import { describeStoreContract } from './store-contract';
import { describeConversationsContract } from './support/conversations-contract';
import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';
import { describeJobsContract } from './support/jobs-contract';
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

describeStoreContract('Cosmos DB', oneStore);
describeOutboxContract('Cosmos DB', twoStores);
describeJobsContract('Cosmos DB', twoStores);
describeConversationsContract('Cosmos DB', oneStore);
