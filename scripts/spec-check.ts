/** `npm run spec:check -- <document>`: prints what the playground and snippets support; exit 1 when not all. */
import { loadCliOperations } from '../src/lib/cli/document.ts';
import { UsageError } from '../src/lib/cli/errors.ts';
import { checkOperations, formatSpecReport } from '../src/lib/cli/spec-check.ts';

const [path, ...extra] = process.argv.slice(2);
try {
  if (path === undefined || extra.length > 0)
    throw new UsageError('Usage: npm run spec:check -- <document.yaml|json>');
  const report = checkOperations(path, await loadCliOperations(path));
  process.stdout.write(formatSpecReport(report));
  process.exitCode = report.supported ? 0 : 1;
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`spec:check: ${error.message}\n`);
  process.exitCode = 2;
}
