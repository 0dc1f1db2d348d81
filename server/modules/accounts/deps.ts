import type { Database } from '../../db/client';
import type { PiiCipher } from '../../lib/pii';
import type { AreaDirectory } from '../areas';

export interface AccountsDeps {
  db: Database;
  areas: AreaDirectory;
  pii: PiiCipher;
}
