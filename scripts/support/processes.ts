import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A child process started in its own process group, so stopping it also stops anything it started. */
export interface RunningProcess {
  readonly name: string;
  readonly pid: number;
  /** Every line it wrote, stdout and stderr together, also kept in this file. */
  readonly logFile: string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  readonly exited: Promise<number | string>;
  /** What it has written so far (the last 256 KB). */
  output(): string;
  /** Resolves with the first line, past or future, that matches; rejects if it exits or time runs out first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when it has exited. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Also hands each line to this (e.g. to show it in a terminal). */
  echo?: (line: string) => void;
}

const MAX_OUTPUT = 256 * 1024;
const running = new Map<number, RunningProcess>();

/** Starts `command` detached (a new session and process group, as `setsid` does) with its output captured. */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions,
): RunningProcess {
  writeFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (error) => {
      appendFileSync(options.logFile, `\n[${name} could not run: ${error.message}]\n`);
      resolve(error.message);
    });
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started: ${command} ${args.join(' ')}`);
  const pid = child.pid;

  let output = '';
  let partial = '';
  const listeners = new Set<(line: string) => void>();
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    appendFileSync(options.logFile, text);
    output = (output + text).slice(-MAX_OUTPUT);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      options.echo?.(line);
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let stopped: Promise<void> | undefined;

  const handle: RunningProcess = {
    name,
    pid,
    logFile: options.logFile,
    exited,
    output: () => output,
    waitForLine(pattern, timeoutMs) {
      const past = output
        .split('\n')
        .map((line) => line.match(pattern))
        .find((m) => m !== null);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        const listener = (line: string) => {
          const match = line.match(pattern);
          if (match) {
            done();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`${name} wrote no line matching ${pattern} within ${timeoutMs} ms; its output:\n${tail(output)}`),
          );
        }, timeoutMs);
        listeners.add(listener);
        void exited.then((how) => {
          if (!listeners.has(listener)) return;
          done();
          reject(
            new Error(
              `${name} exited (${how}) before writing a line matching ${pattern}; its output:\n${tail(output)}`,
            ),
          );
        });
      });
    },
    stop(graceMs = 5000) {
      stopped ??= (async () => {
        signalGroup(pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        // The leader may be gone while something it started lives on: the group gets SIGKILL either way.
        signalGroup(pid, 'SIGKILL');
        await exited;
        running.delete(pid);
      })();
      return stopped;
    },
  };
  running.set(pid, handle);
  return handle;
}

/** Stops every process this module started and has not stopped yet. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running.values()].map((p) => p.stop()));
}

// Last resort if the test runner exits without tearing down: nothing outlives it.
process.once('exit', () => {
  for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group has no process left, which is what stopping wants.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

/** Throws a readable error if something already listens on `port` (which would answer health checks for us). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const server = createServer();
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(port, () => resolve(undefined));
  });
  if (!error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return;
  }
  if (error.code === 'EADDRINUSE')
    throw new Error(
      `port ${port} for ${what} is taken (is \`npm start\` or another Playground running?); stop it or choose another port (npm run playground: --bot-port, --port)`,
    );
  throw error;
}

/** Polls `url` until it answers 2xx; fails early, with the output, if `owner` exits meanwhile. */
export async function waitForHttp(url: string, timeoutMs: number, owner?: RunningProcess): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let exitedHow: number | string | undefined;
  void owner?.exited.then((how) => {
    exitedHow = how;
  });
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exitedHow !== undefined && owner)
      throw new Error(
        `${owner.name} exited (${exitedHow}) before ${url} answered; its output:\n${tail(owner.output())}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(100);
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms (last: ${last})${owner ? `; ${owner.name}'s output:\n${tail(owner.output())}` : ''}`,
  );
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The end of a process's output, enough to explain a failure. */
export function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
