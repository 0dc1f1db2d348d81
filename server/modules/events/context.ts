import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import type { AreaDirectory } from '../areas';
import type { Actor } from '../auth';

export interface EventsDeps {
  db: Database;
  areas: AreaDirectory;
  pii: PiiCipher;
}

/** One request's view of the events module: its dependencies, who acts, and the request id for the audit. */
export interface EventContext extends EventsDeps {
  actor: Actor;
  requestId: string;
}
