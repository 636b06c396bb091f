/**
 * Writes a synthetic OpenAPI document for scale tests (default: 1,000 operations over 50 tags) to
 * a temporary folder, or to --out. Usage:
 *   npx node scripts/generate-scale-document.ts [--operations 1000] [--tags 50] [--out file.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { scaleDocument } from '../src/lib/reference/scale-document.ts';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '1000' },
    tags: { type: 'string', default: '50' },
    out: { type: 'string', default: join(tmpdir(), 'sinch-scale', 'scale-openapi.json') },
  },
});
const document = scaleDocument({
  operations: Number(values.operations),
  tags: Number(values.tags),
});
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(document, null, 2)}\n`);
console.log(values.out);
