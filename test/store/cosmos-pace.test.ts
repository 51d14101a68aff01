import { freshDatabase, startCosmosTarget, type CosmosTarget } from './support/cosmos-target';
import { describePaceContract } from './support/pace-contract';

let target: CosmosTarget | undefined;
const started = async () => (target ??= await startCosmosTarget());
afterAll(async () => {
  await target?.stop();
});

/** Two instances on one fresh database; behind them, a plain client reading a conversation's pace item. */
async function paceStores() {
  const database = freshDatabase(await started());
  const container = database.client.database(database.name).container('plandesk');
  return {
    store: await database.open(),
    other: await database.open(),
    async stored(key: string) {
      const { resource } = await container.item('pace', `~conversation:${key}`).read<{ body: unknown }>();
      return resource?.body;
    },
    cleanup: () => database.cleanup(),
  };
}

describePaceContract('Cosmos DB', paceStores);
