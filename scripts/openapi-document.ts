import { buildApp } from '../server/app';
import { testConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { AreaDirectory } from '../server/modules/areas';
import { testPii } from '../tests/support/test-keys';

/**
 * The API's OpenAPI document as the server serves it at /api/v1/openapi.json. The document depends on
 * the routes only, so the app is built over an empty throwaway database and never listens.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp({
    config: testConfig({ webDist: '/nonexistent' }),
    db,
    pii: testPii,
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
