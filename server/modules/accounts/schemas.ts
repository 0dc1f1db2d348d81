import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../core/policy/roles';
import { MAX_ID } from '../../plugins/input-bounds';

export const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'account role' },
);
/** Lower-case letters, digits, dot, underscore, hyphen: the demo's names (grid001001001, street001.01). */
export const Username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{2,31}$',
  description: '3–32 of a-z 0-9 . _ -',
});
export const DisplayName = Type.String({ minLength: 1, maxLength: 40 });
export const AreaCode = Type.String({ pattern: '^[0-9]{15}$', description: '15-digit area code' });
export const AccountId = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });

const AreaRef = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
});
const DepartmentRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const AccountView = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.String(),
    roleLabel: Type.Object({ zh: Type.String(), en: Type.String() }),
    areas: Type.Array(AreaRef),
    department: Type.Union([DepartmentRef, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    totpEnrolled: Type.Boolean(),
    passwordMustChange: Type.Boolean(),
    /** The caller's own account: it cannot disable itself or change its own role. */
    self: Type.Boolean(),
  },
  // No $id: a schema added inside this plugin's context would drop the app's validator compiler there.
);

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: 'part of a username or display name' })),
    role: Type.Optional(RoleSchema),
    area: Type.Optional(AreaCode),
    department: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    disabled: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const CreateBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    role: RoleSchema,
    areaCode: Type.Optional(AreaCode),
    departmentId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
  },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(RoleSchema),
    areaCode: Type.Optional(AreaCode),
    departmentId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TemporaryPassword = Type.Object({
  temporaryPassword: Type.String({
    description: 'shown once; the account must change it at its next sign-in',
  }),
});

export const ImportBody = Type.Object(
  {
    /** The XLSX file, base64. */
    file: Type.String({ minLength: 1, maxLength: 1_400_000 }),
    dryRun: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Problem = Type.Object({
  field: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export const ImportReport = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Array(
    Type.Object({ row: Type.Integer(), username: Type.String(), problems: Type.Array(Problem) }),
  ),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  /** A refused import (422): why, in the request's language, like every other refusal. */
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  /** After a real import: each new account's temporary password, shown once. */
  created: Type.Array(Type.Object({ username: Type.String(), temporaryPassword: Type.String() })),
});

export const Options = Type.Object({
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      level: Type.Union([Type.String(), Type.Null()]),
      label: Type.Object({ zh: Type.String(), en: Type.String() }),
    }),
  ),
  departments: Type.Array(DepartmentRef),
  /** The caller administers the whole district (department staff and auditors have no area). */
  districtWide: Type.Boolean(),
});
