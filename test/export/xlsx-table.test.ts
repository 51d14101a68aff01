import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Column } from '../../src/export/columns';
import { xlsxTable } from '../../src/export/xlsx-table';

interface Line {
  n: number;
  route: string;
}

const COLUMNS: Column<Line>[] = [
  { key: 'n', header: 'cli.export.column.number', kind: 'integer', value: (line) => line.n },
  ...Array.from({ length: 8 }, (_, i) => ({
    key: `route${i}`,
    header: 'cli.export.column.route' as const,
    kind: 'text' as const,
    value: (line: Line) => line.route,
  })),
];

describe('an Excel table written as a stream', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-xlsx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Unheld, 20,000 such rows leave about 50 MB of XML waiting for the compressor outside the heap, where no
  // --max-old-space-size limits it; each write waits for the compressor instead.
  it('should hold rows back until the compressor takes them, so what waits outside the heap does not grow', async () => {
    const file = join(dir, 'plans.xlsx');
    const table = xlsxTable(file, COLUMNS, 'zh-CN', '个性化方案');
    const route = '合作管理部审批:李娜,已批准 2026-12-01 11:30「同意」;经营管理部审批:刘强,审批中'.repeat(3);
    const base = process.memoryUsage().external;
    let peak = 0;
    for (let n = 1; n <= 40_000; n += 1) {
      await table.write({ n, route });
      if (n % 500 === 0) peak = Math.max(peak, process.memoryUsage().external - base);
    }
    await table.close();
    expect(peak / 1024 / 1024).toBeLessThan(25);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('个性化方案');
    expect(sheet?.rowCount).toBe(40_001);
    expect(sheet?.getRow(40_001).getCell(1).value).toBe(40_000);
    expect(sheet?.getRow(40_001).getCell(9).value).toBe(route);
  }, 60_000);
});
