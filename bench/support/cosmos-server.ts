import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * cosmosdb-server in a process of its own (cosmos-server-process.mjs: connections kept alive, as Azure keeps them), so its work is not counted as the client's; resolves with its
 * endpoint (https, a self-signed certificate) once it listens. Kill `child` when done.
 */
export async function startCosmosServer(): Promise<{ endpoint: string; child: ChildProcess }> {
  const main = join(__dirname, 'cosmos-server-process.mjs');
  // BENCH_SERVER_PROFILE=<dir>: the server's CPU profile goes there when it is stopped.
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--max-old-space-size=16384', main], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cosmosdb-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /:(\d+)\s*$/m.exec(chunk.toString())?.[1];
      if (port) resolve(`https://127.0.0.1:${port}`);
    });
  });
  return { endpoint, child };
}
