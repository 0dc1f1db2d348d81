/** One of the two residents holding the same document number. */
export interface ConflictParty {
  id: number;
  name: string;
  /** Grid name; null for a record placed above grid level. */
  grid: string | null;
}

/** `GET /registry/identity-conflicts`: an open task to reconcile two records of (probably) one person. */
export interface IdentityConflict {
  id: number;
  createdAt: string;
  /** The record registered last, which raised the conflict. */
  resident: ConflictParty;
  /** The record that already held the number. */
  existing: ConflictParty;
}

export type KeepSide = 'new' | 'existing';

export interface ConflictResolution {
  id: number;
  kept: number;
  archived: number;
}
