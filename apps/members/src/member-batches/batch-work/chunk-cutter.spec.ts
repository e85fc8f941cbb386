import type { BatchRow } from '../batch-row';
import { ChunkCutter } from './chunk-cutter';

function row(line: number, cellCharacters = 10): BatchRow {
  return {
    _id: `row-${line}`,
    batchId: 'b',
    organizationId: 'o',
    line,
    chunk: -1,
    email: `m${line}@example.com`,
    emailNormalized: `m${line}@example.com`,
    userName: null,
    firstName: null,
    lastName: null,
    accountName: null,
    accountNameChosen: false,
    suggestions: [],
    passwordHash: null,
    status: 'invalid',
    problems: [],
    notices: [],
    memberId: null,
    cells: [`m${line}@example.com`, 'x'.repeat(cellCharacters)],
  };
}

function cutAll(cutter: ChunkCutter, rows: BatchRow[]): BatchRow[][] {
  const chunks = rows.flatMap((each) => {
    const full = cutter.add(each);
    return full ? [full] : [];
  });
  const rest = cutter.rest();
  return rest ? [...chunks, rest] : chunks;
}

describe('ChunkCutter', () => {
  it('cuts small rows into chunks of 500, numbered in order', () => {
    const cutter = new ChunkCutter();
    const chunks = cutAll(cutter, Array.from({ length: 1_201 }, (_, index) => row(index + 2)));
    expect(chunks.map((chunk) => chunk.length)).toEqual([500, 500, 201]);
    expect(chunks.map((chunk) => [...new Set(chunk.map((each) => each.chunk))])).toEqual([[0], [1], [2]]);
    expect(cutter.count).toBe(3);
  });

  it('cuts heavy rows into smaller chunks, none over the budget', () => {
    const budget = 64 * 1024;
    const cutter = new ChunkCutter(budget);
    const chunks = cutAll(cutter, Array.from({ length: 100 }, (_, index) => row(index + 2, 5_000)));
    for (const chunk of chunks) {
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThanOrEqual(budget + 1_000);
    }
    expect(chunks.flat().map((each) => each.line)).toEqual(Array.from({ length: 100 }, (_, index) => index + 2));
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((chunk) => chunk[0].chunk)).toEqual(chunks.map((_, index) => index));
  });

  it('puts a row heavier than the budget in a chunk of its own', () => {
    const cutter = new ChunkCutter(1_000);
    const chunks = cutAll(cutter, [row(2), row(3, 5_000), row(4)]);
    expect(chunks.map((chunk) => chunk.map((each) => each.line))).toEqual([[2], [3], [4]]);
  });
});
