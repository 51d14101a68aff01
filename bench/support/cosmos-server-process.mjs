// cosmosdb-server as a process of its own for the benchmarks (bench/support/cosmos-server.ts). Its own CLI
// answers every request with `connection: close`, so each request would open a TLS connection again, which
// Azure Cosmos DB and the tests (test/store/support/cosmos-target.ts) do not: connections are kept here.
import console from 'node:console';
import process from 'node:process';
import { createRequire } from 'node:module';
import { createHttpsServer } from '@vercel/cosmosdb-server';

// BENCH_SERVER_LINEAR_QUERIES=1: the query engine (@zeit/cosmosdb-query) gathers a container's items into an
// array by copying the array once per item (`[...$, { c }]`), so one query takes time in the square of the
// container's size (a minute at 40,000 items). This pushes instead: the same rows in the same order, in
// time linear in the size, closer to a service that answers from indexes. Off by default: stock server.
if (process.env.BENCH_SERVER_LINEAR_QUERIES === '1') {
  const require = createRequire(import.meta.url);
  const Items = require('@vercel/cosmosdb-server/lib/account/items.js').default;
  const stock = Items.prototype._getQuery;
  Items.prototype._getQuery = function linearQuery(sql) {
    const query = stock.call(this, sql);
    if (!query.linear) {
      query._code = query.code.replace(/\[\.\.\.\$, (\{[^{}]*\})\]/g, '($.push($1), $)');
      query.linear = true;
    }
    return query;
  };
}

const server = createHttpsServer({ keepAlive: true });
server.listen(0, '127.0.0.1', () => console.log(`listening on https://127.0.0.1:${server.address().port}`));
// Exits normally when told to stop, so a `--cpu-prof` run writes its profile.
process.on('SIGTERM', () => process.exit(0));
