// cosmosdb-server as a process of its own for the benchmarks (bench/support/cosmos-server.ts). Its own CLI
// answers every request with `connection: close`, so each request would open a TLS connection again, which
// Azure Cosmos DB and the tests (test/store/support/cosmos-target.ts) do not: connections are kept here.
import console from 'node:console';
import process from 'node:process';
import { createHttpsServer } from '@vercel/cosmosdb-server';

const server = createHttpsServer({ keepAlive: true });
server.listen(0, '127.0.0.1', () => console.log(`listening on https://127.0.0.1:${server.address().port}`));
// Exits normally when told to stop, so a `--cpu-prof` run writes its profile.
process.on('SIGTERM', () => process.exit(0));
