import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadFile } from '../../../src/bot/files/upload';

const KIB = 1024;

describe('uploadFile: a file into a OneDrive upload session, a byte range at a time', () => {
  let server: Server;
  let url: string;
  let puts: { range: string | undefined; body: Buffer }[];
  let failAt: number | null;
  let dir: string;

  beforeEach(async () => {
    puts = [];
    failAt = null;
    dir = mkdtempSync(join(tmpdir(), 'plandesk-upload-'));
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        puts.push({ range: req.headers['content-range'], body: Buffer.concat(chunks) });
        res.writeHead(puts.length === failAt ? 416 : 202);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/session`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const fileOf = (size: number) => {
    const bytes = Buffer.from(Array.from({ length: size }, (_, i) => i % 251));
    const path = join(dir, 'file.xlsx');
    writeFileSync(path, bytes);
    return { path, bytes };
  };

  it('should send a file larger than a range as consecutive ranges that add up to the file', async () => {
    const { path, bytes } = fileOf(700 * KIB);
    expect(await uploadFile(url, path, bytes.length, 320 * KIB)).toEqual({ ok: true, value: undefined });
    expect(puts.map((p) => p.range)).toEqual([
      `bytes 0-${320 * KIB - 1}/${700 * KIB}`,
      `bytes ${320 * KIB}-${640 * KIB - 1}/${700 * KIB}`,
      `bytes ${640 * KIB}-${700 * KIB - 1}/${700 * KIB}`,
    ]);
    expect(Buffer.concat(puts.map((p) => p.body)).equals(bytes)).toBe(true);
  });

  it('should stop at the first range not taken and say why', async () => {
    const { path, bytes } = fileOf(700 * KIB);
    failAt = 2;
    expect(await uploadFile(url, path, bytes.length, 320 * KIB)).toEqual({ ok: false, error: 'HTTP 416' });
    expect(puts).toHaveLength(2);
  });

  it('should say so when nobody answers at the upload URL', async () => {
    const { path, bytes } = fileOf(10);
    // Port 1 (tcpmux) is never served here: the connection is refused.
    const result = await uploadFile('http://127.0.0.1:1/session', path, bytes.length);
    expect(result).toMatchObject({ ok: false });
    expect(puts).toHaveLength(0);
  });
});
