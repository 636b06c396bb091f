import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listFiles } from './list-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'list-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lists files only, below every folder, sorted and /-separated', async () => {
  mkdirSync(join(dir, 'b', 'c'), { recursive: true });
  mkdirSync(join(dir, 'empty'));
  for (const file of ['z.txt', 'a.txt', 'b/c/d.js', 'b/e.css']) writeFileSync(join(dir, file), '');
  expect(await listFiles(dir)).toEqual(['a.txt', 'b/c/d.js', 'b/e.css', 'z.txt']);
});
