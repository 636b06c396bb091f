// Serves a build: `node scripts/serve.ts` (DIST_DIR, HOST and PORT optional).
import { startSiteServer } from '../src/lib/server/site-server.ts';

const { server, origin } = await startSiteServer({
  dist: process.env['DIST_DIR'] ?? 'dist',
  host: process.env['HOST'] ?? 'localhost',
  port: Number(process.env['PORT'] ?? 4321),
});
console.log(`Serving on ${origin} (mock Sinch API under /mock/)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running get a moment to finish.
    setTimeout(() => process.exit(0), 2000).unref();
  });
