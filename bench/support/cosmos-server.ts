import { spawn, type ChildProcess } from 'node:child_process';

/**
 * cosmosdb-server in a process of its own, so its work is not counted as the client's; resolves with its
 * endpoint (https, a self-signed certificate) once it listens. Kill `child` when done.
 */
export async function startCosmosServer(): Promise<{ endpoint: string; child: ChildProcess }> {
  const cli = require.resolve('@vercel/cosmosdb-server/lib/cli.js');
  const child = spawn(process.execPath, ['--max-old-space-size=16384', cli, '--host', '127.0.0.1', '--port', '0'], {
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
