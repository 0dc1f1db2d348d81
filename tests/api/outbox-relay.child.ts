/**
 * A relay that dies mid-run (tests/api/outbox-relay.test.ts): it takes the pending rows of one topic, writes
 * an effect for the first, says so on stdout and waits there until the parent kills it (kill -9).
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client';
import { relayOutbox } from '../../server/modules/jobs';

const [databaseUrl, topic] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl, dataDir: '', poolSize: 2 });
await relayOutbox(db, {
  [topic!]: [
    async (tx, m) => {
      await tx.execute(sql`INSERT INTO relay_effects (outbox_id, handler) VALUES (${m.id}, 'killed')`);
      process.stdout.write('inside\n');
      await new Promise(() => undefined);
    },
  ],
});
