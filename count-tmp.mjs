import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
const agent = new https.Agent({ rejectUnauthorized: false });
const c = new CosmosClient({ endpoint: process.argv[2], key: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==', agent });
const { resources } = await c.databases.readAll().fetchAll();
for (const d of resources) {
  const { resources: cs } = await c.database(d.id).containers.readAll().fetchAll();
  for (const ct of cs) {
    const r = await c.database(d.id).container(ct.id).items.query('SELECT c.type FROM c').fetchAll();
    const by = {}; for (const x of r.resources) by[x.type] = (by[x.type] ?? 0) + 1;
    console.log(d.id, ct.id, JSON.stringify(by));
  }
}
