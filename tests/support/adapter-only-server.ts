// The test build served by the Node adapter's handler alone (every request through Astro's
// router), so tests can compare it with scripts/serve.ts. DIST_DIR, HOST and PORT as there.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const dist = resolve(process.env['DIST_DIR'] ?? 'dist');
const entry = (await import(pathToFileURL(join(dist, 'server/entry.mjs')).href)) as {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
};
const server = createServer(entry.handler);
server.listen(Number(process.env['PORT'] ?? 4321), process.env['HOST'] ?? 'localhost', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Serving on http://${address}:${port}`);
});
