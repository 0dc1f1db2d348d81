import type { GetResponse, PostBody, PostResponse } from '../../api/types';

type ResolvePath = '/api/v1/registry/identity-conflicts/{id}/resolve';

/** `GET /registry/identity-conflicts`: an open task to reconcile two records of (probably) one person. */
export type IdentityConflict = GetResponse<'/api/v1/registry/identity-conflicts'>['items'][number];
/** One of the two residents holding the same document number; grid null when placed above grid level. */
export type ConflictParty = IdentityConflict['resident'];
export type KeepSide = PostBody<ResolvePath>['keep'];
export type ConflictResolution = PostResponse<ResolvePath>;
