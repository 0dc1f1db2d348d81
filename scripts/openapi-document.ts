import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { createPiiCipher } from '../server/lib/pii';
import { AreaDirectory } from '../server/modules/areas';

/** Keys that protect nothing: the throwaway database below holds no personal data. */
const unusedPii = createPiiCipher({
  encryptionKeys: { 1: Buffer.alloc(32) },
  currentVersion: 1,
  hmacKey: Buffer.alloc(32),
});

/**
 * The API's OpenAPI document as the server serves it at /docs/json. The document depends on the routes
 * only, so the app is built over an empty throwaway database and never listens.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp({
    config: testConfig({ webDist: '/nonexistent' }),
    db,
    pii: unusedPii,
    areas: new AreaDirectory([]),
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.close();
  }
}
