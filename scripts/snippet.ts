/** `npm run snippet -- --spec … --operation … --target …`: prints the snippet Copy would give. */
import { readFileSync } from 'node:fs';
import { loadCliOperations } from '../src/lib/cli/document.ts';
import { UsageError } from '../src/lib/cli/errors.ts';
import { cliSnippet, parseSnippetArgs } from '../src/lib/cli/snippet.ts';

try {
  const options = parseSnippetArgs(process.argv.slice(2));
  const operations = await loadCliOperations(options.spec);
  process.stdout.write(cliSnippet(operations, options, process.env, (path) => readFileSync(path)));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`snippet: ${error.message}\n`);
  process.exitCode = 2;
}
