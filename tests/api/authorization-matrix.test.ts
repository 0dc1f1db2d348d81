/**
 * The authorization matrix, generated: every API route in `app.routePolicies` × one demo account per role
 * (two departments with different remits), with the expected answer taken from a hand-written table of
 * the product's rules (tests/support/expected-policy.ts, not core/policy: a missing POLICY entry must
 * fail here, not be expected) and the account's data scope (its area subtrees) — never written per route.
 * The same table is compared with core/policy's POLICY, DEPARTMENT_REMIT and PERSONAL_FIELDS.
 *
 * The scope expectations are computed here independently of server/modules/auth/scope.ts: from the
 * account's area_ids and the located columns (district_id, street_id, community_id, grid_id) in SQL.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getTableName } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  canReveal,
  DEPARTMENT_REMIT,
  PERSONAL_FIELDS,
  POLICY,
  REGISTRY_RESOURCES,
  type RegistryResource,
  type Resource,
  type Subject,
} from '../../core/policy/capabilities';
import { ROLE_AREA_LEVEL, ROLES, type Role } from '../../core/policy/roles';
import { AreaDirectory } from '../../server/modules/areas';
import { authGuard, DEMO_PASSWORD, hashPassword, type RoutePolicy } from '../../server/modules/auth';
import { ENTITIES, type EntityDefinition, METRICS } from '../../server/modules/registry';
import {
  ALL_ACTIONS,
  EXPECTED_PERSONAL_FIELDS,
  EXPECTED_POLICY,
  EXPECTED_REMIT,
  expectedCan,
  expectedRevealable,
} from '../support/expected-policy';
import { demoAccounts, startTestApp } from '../support/test-app';

type Json = Record<string, unknown>;
type Level = 'district' | 'street' | 'community' | 'grid';

interface AreaRow {
  id: number;
  code: string;
  level: Level;
  parentId: number | null;
  lat: number;
  lng: number;
}

/** One account standing for a role (or, for department staff, a department). */
interface Persona {
  key: string;
  username: string;
  subject: Subject;
  roots: AreaRow[];
  token: string;
  /** Per registry table: an active in-scope id, an out-of-scope id, and the active in-scope row count. */
  rows: Map<string, { inId: number | null; outId: number | null; active: number }>;
}

const API = '/api/v1';
const MISSING_ID = 2147483647;
const LIST_LIMIT = 100;
const MATRIX_ADMIN = 'matrix.admin';
/** Resources of the policy whose routes are not built yet. */
const NO_ROUTES_YET: string[] = [];
const REGISTRY = new Map<string, EntityDefinition>(ENTITIES.map((d) => [d.path, d]));
/** Bodies are checked the way the server checks them (exact types, formats). */
const ajv = addFormats(new Ajv({ strict: false, coerceTypes: false }));

describe('authorization matrix (generated from app.routePolicies × the policy table)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let areas: AreaRow[];
  let district: AreaRow;
  let personas: Persona[];
  let openapi: { paths: Record<string, Record<string, { parameters?: Json[] }>> };
  /** Per registry table: some existing id (for well-formed paths of refused requests). */
  const anyId = new Map<string, number>();
  /** Per registry path: a body that passes its updateBody schema (a row's own value of one field). */
  const patchBodies = new Map<string, Json>();
  /** route key → persona key (or 'anonymous') → checks made, by outcome. */
  const matrix = new Map<string, Map<string, { ok: number; refused: number }>>();
  let checks = 0;

  const byId = (id: number | null) => areas.find((a) => a.id === id) ?? null;
  const ancestors = (a: AreaRow) => {
    const out: AreaRow[] = [];
    for (let at = byId(a.parentId); at; at = byId(at.parentId)) out.push(at);
    return out;
  };
  const inside = (p: Persona, a: AreaRow) =>
    [a, ...ancestors(a)].some((x) => p.roots.some((r) => r.id === x.id));
  const visible = (p: Persona, a: AreaRow) =>
    inside(p, a) || p.roots.some((r) => ancestors(r).some((x) => x.id === a.id));
  const districtWide = (p: Persona) => p.roots.some((r) => r.level === 'district');
  /** The account's scope over a registry table's located columns, built from its area_ids alone. */
  const BELOW = { district: 'street', street: 'community', community: 'grid' } as Record<string, string>;
  /** Areas above the roots: records placed exactly there are shared reading (a district's departments). */
  const above = (p: Persona) => [
    ...new Map(
      p.roots
        .flatMap(ancestors)
        .filter((a) => !p.roots.some((r) => r.id === a.id))
        .map((a) => [a.id, a]),
    ).values(),
  ];
  /**
   * The account's scope over a registry table's located columns, built from its area_ids alone: its
   * subtrees (may change them), and for reading also records placed exactly at an area above them.
   */
  const scopeSql = (p: Persona, mode: 'read' | 'write' = 'read') => {
    if (p.roots.length === 0) return 'false';
    const own = p.roots.map((r) => `${r.level}_id = ${r.id}`);
    const shared =
      mode === 'read'
        ? above(p).map((a) => `(${a.level}_id = ${a.id} AND ${BELOW[a.level]}_id IS NULL)`)
        : [];
    return `(${[...own, ...shared].join(' OR ')})`;
  };
  const rowInScope = (p: Persona, row: Json) =>
    p.roots.some((r) => row[`${r.level}Id`] === r.id) ||
    above(p).some((a) => row[`${a.level}Id`] === a.id && row[`${BELOW[a.level]}Id`] === null);

  const request = async (
    persona: Persona | null,
    method: string,
    url: string,
    payload?: unknown,
    token = persona?.token,
  ) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload: payload as Json }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    let body: Json = {};
    try {
      body = res.body ? (res.json() as Json) : {};
    } catch {
      body = { raw: res.body };
    }
    return { status: res.statusCode, body };
  };

  /** Differences from the expected matrix, reported together at the end. */
  const failures: string[] = [];
  const passedAuth = (s: number) => s !== 401 && s !== 403 && s < 500;
  const describeWant = (want: number | ((s: number) => boolean)) =>
    typeof want === 'number' ? String(want) : 'a status past authorization';
  function expectStatus(
    route: string,
    who: string,
    what: string,
    got: { status: number; body: Json },
    want: number | ((s: number) => boolean),
  ): boolean {
    const ok = typeof want === 'number' ? got.status === want : want(got.status);
    if (!ok)
      failures.push(
        `${route} as ${who}: ${what}: expected ${describeWant(want)}, got ${got.status} ${JSON.stringify(got.body).slice(0, 160)}`,
      );
    return ok;
  }
  function expectTrue(route: string, who: string, what: string, ok: boolean) {
    if (!ok) failures.push(`${route} as ${who}: ${what}`);
    return ok;
  }

  /** Counts one cell's checks: `ok` passed authorization as expected, `refused` got the expected 401/403. */
  const note = (
    route: string,
    who: string,
    n: number,
    outcome: 'ok' | 'refused' = n < 0 ? 'refused' : 'ok',
  ) => {
    const row = matrix.get(route) ?? new Map<string, { ok: number; refused: number }>();
    matrix.set(route, row);
    const cell = row.get(who) ?? { ok: 0, refused: 0 };
    cell[outcome] += Math.abs(n);
    row.set(who, cell);
    checks += Math.abs(n);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.ready();
    openapi = t.app.swagger() as unknown as typeof openapi;
    areas = (
      await t.db.query<{
        id: number;
        code: string;
        level: Level;
        parent_id: number | null;
        centroid_lat: number;
        centroid_lng: number;
      }>('SELECT id, code, level, parent_id, centroid_lat, centroid_lng FROM areas ORDER BY code')
    ).map((a) => ({
      id: a.id,
      code: a.code.trim(),
      level: a.level,
      parentId: a.parent_id,
      lat: a.centroid_lat,
      lng: a.centroid_lng,
    }));
    district = areas.find((a) => a.level === 'district')!;

    // The demo data has no administrator (it is created on first start); add one for the matrix.
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.db.query(
      `INSERT INTO accounts (username, display_name, password_hash, role, area_ids)
       VALUES ($1, '矩阵管理员', $2, 'admin', $3) ON CONFLICT (username) DO NOTHING`,
      [MATRIX_ADMIN, hash, [district.id]],
    );

    const accounts = await demoAccounts(t.db);
    const pick = (key: string, match: (a: (typeof accounts)[number]) => boolean) => {
      const account = accounts.find(match);
      if (!account) throw new Error(`no demo account for ${key}`);
      return { key, account };
    };
    const chosen = [
      pick('admin', (a) => a.username === MATRIX_ADMIN),
      pick('leader', (a) => a.role === 'district_leader'),
      pick('centre', (a) => a.role === 'district_centre'),
      pick('street', (a) => a.role === 'street_staff'),
      pick('community', (a) => a.role === 'community_staff'),
      pick('grid', (a) => a.role === 'grid_worker'),
      pick('dept:health', (a) => a.role === 'department_staff' && a.department_code === 'health'),
      pick('dept:transport', (a) => a.role === 'department_staff' && a.department_code === 'transport'),
      pick('auditor', (a) => a.role === 'auditor'),
    ];
    personas = [];
    for (const { key, account } of chosen) {
      const persona: Persona = {
        key,
        username: account.username,
        subject: { role: account.role as Role, departmentCode: account.department_code },
        roots: account.area_ids.map((id) => byId(id)!),
        token: await t.tokenFor(account.username),
        rows: new Map(),
      };
      for (const def of ENTITIES) {
        const table = getTableName(def.table);
        const scope = scopeSql(persona);
        const own = scopeSql(persona, 'write');
        const [stats] = await t.db.query<{ in_id: number | null; out_id: number | null; active: number }>(
          `SELECT (SELECT min(id) FROM ${table} WHERE ${own} AND archived_at IS NULL) AS in_id,
                  (SELECT min(id) FROM ${table} WHERE (${scope}) IS NOT TRUE) AS out_id,
                  (SELECT count(*)::int FROM ${table} WHERE ${scope} AND archived_at IS NULL) AS active`,
        );
        persona.rows.set(def.path, { inId: stats!.in_id, outId: stats!.out_id, active: stats!.active });
      }
      personas.push(persona);
    }

    const centre = personas.find((p) => p.key === 'centre')!;
    for (const def of ENTITIES) {
      const table = getTableName(def.table);
      const [row] = await t.db.query<{ id: number }>(
        `SELECT min(id) AS id FROM ${table} WHERE archived_at IS NULL`,
      );
      anyId.set(def.path, row!.id);
      const shown = (await request(centre, 'GET', `${API}/registry/${def.path}/${row!.id}`)).body;
      patchBodies.set(def.path, patchBody(def, shown));
    }
  });

  afterAll(async () => {
    if (!t) return;
    // On PostgreSQL the test files share one database: leave no administrator behind.
    await t.db.query(
      `DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE username = $1)`,
      [MATRIX_ADMIN],
    );
    await t.db.query('DELETE FROM accounts WHERE username = $1', [MATRIX_ADMIN]);
    await t.close();
  });

  /** A harmless body valid for the entity's update schema: one non-personal field with the row's own value. */
  function patchBody(def: EntityDefinition, shown: Json): Json {
    const validate = ajv.compile(def.updateBody);
    const personal = new Set<string>(def.personalFields ?? []);
    for (const key of Object.keys(def.updateBody.properties)) {
      if (key === 'version' || personal.has(key)) continue;
      const value = shown[key];
      if ((typeof value === 'string' || typeof value === 'number') && validate({ [key]: value }))
        return { [key]: value };
    }
    return { version: shown.version };
  }

  /** Required query parameters of a route (from the OpenAPI document), filled with in-scope values. */
  function queryFor(p: Persona | null, method: string, url: string): string {
    const path = url.replace(/:([a-zA-Z]+)/g, '{$1}');
    const params = openapi.paths[path]?.[method.toLowerCase()]?.parameters ?? [];
    const grid = p
      ? (areas.find((a) => a.level === 'grid' && inside(p, a)) ?? areas.find((a) => a.level === 'grid')!)
      : areas.find((a) => a.level === 'grid')!;
    const fill: Record<string, string> = {
      area: district.code,
      lat: String(grid.lat),
      lng: String(grid.lng),
      format: 'csv', // registry exports
      category: '11', // duplicates offered when reporting
    };
    const parts: string[] = [];
    for (const param of params) {
      if (param.in !== 'query') continue;
      const name = String(param.name);
      if (name === 'limit') parts.push(`limit=${LIST_LIMIT}`);
      else if (param.required) {
        if (!(name in fill)) throw new Error(`the matrix cannot fill required query '${name}' of ${url}`);
        parts.push(`${name}=${fill[name]}`);
      }
    }
    return parts.length ? `?${parts.join('&')}` : '';
  }

  const withParams = (url: string, params: { id?: number | null; code?: string }) =>
    url.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
      const value = params[name as 'id' | 'code'];
      if (value === undefined || value === null) throw new Error(`no value for :${name} in ${url}`);
      return String(value);
    });

  /** Every role, and department staff once per department. */
  const subjects: Subject[] = ROLES.flatMap((role): Subject[] =>
    role === 'department_staff'
      ? [
          { role, departmentCode: null },
          ...Object.keys(EXPECTED_REMIT).map((d) => ({ role, departmentCode: d })),
        ]
      : [{ role, departmentCode: null }],
  );

  it("core/policy says what the hand-written table of the product's rules says", () => {
    const resources = Object.keys(EXPECTED_POLICY) as Resource[];
    const differences: string[] = [];
    for (const subject of subjects) {
      const who = subject.departmentCode ?? subject.role;
      for (const resource of resources) {
        for (const action of ALL_ACTIONS) {
          const want = expectedCan(subject, action, resource);
          if (can(subject, action, resource) !== want)
            differences.push(
              `${who} ${action} ${resource}: table says ${want ? 'yes' : 'no'}, POLICY the opposite`,
            );
        }
        for (const field of ['idNumber', 'phone', 'conditions'] as const) {
          const want = expectedRevealable(subject, resource).includes(field);
          if (resource in EXPECTED_PERSONAL_FIELDS || resource in PERSONAL_FIELDS)
            if (canReveal(subject, resource as RegistryResource, field) !== want)
              differences.push(`${who} reveal ${resource}.${field}: table says ${want ? 'yes' : 'no'}`);
        }
      }
    }
    const policyResources = new Set(Object.values(POLICY).flatMap((r) => Object.keys(r)));
    for (const r of policyResources)
      if (!resources.includes(r as Resource)) differences.push(`POLICY names ${r}, which the table does not`);
    for (const r of [...REGISTRY_RESOURCES, ...Object.keys(PERSONAL_FIELDS)])
      if (!resources.includes(r as Resource)) differences.push(`registry resource ${r} is not in the table`);
    expect(Object.keys(DEPARTMENT_REMIT).sort()).toEqual(Object.keys(EXPECTED_REMIT).sort());
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it('registers a policy for every API route, naming a resource POLICY grants to some role; every resource has routes', () => {
    const routes = t.app.routePolicies;
    expect(routes.length).toBeGreaterThan(50);
    const granted = new Set<string>(Object.values(POLICY).flatMap((r) => Object.keys(r)));
    const routed = new Set<string>();
    for (const { method, url, policy } of routes) {
      expect(url.startsWith(`${API}/`), `${method} ${url}`).toBe(true);
      if (policy === 'public' || policy === 'authenticated') continue;
      expect(typeof policy, `${method} ${url}`).toBe('object');
      routed.add(policy.resource);
      expect(
        granted.has(policy.resource),
        `${method} ${url}: POLICY has no entry for ${policy.resource}`,
      ).toBe(true);
      expect(ALL_ACTIONS.includes(policy.action), `${method} ${url}: action ${policy.action}`).toBe(true);
      // A route nobody may call is dead code or a policy typo.
      expect(
        subjects.some((s) => expectedCan(s, policy.action, policy.resource)),
        `${method} ${url}: no role may ${policy.action} ${policy.resource}`,
      ).toBe(true);
    }
    for (const resource of REGISTRY_RESOURCES) {
      const own = routes.filter((r) => r.url === `${API}/registry/${resource}`);
      expect(own.length, `registry resource ${resource} has no list/create route`).toBeGreaterThan(0);
    }
    const unrouted = Object.keys(EXPECTED_POLICY).filter((r) => !routed.has(r) && !NO_ROUTES_YET.includes(r));
    expect(unrouted, 'resources without any route').toEqual([]);
    // Every role of the design is represented by an account in the matrix.
    for (const role of ROLES)
      expect(
        personas.some((p) => p.subject.role === role),
        role,
      ).toBe(true);
    // Two departments with different remits, and scoped accounts that have rows on both sides of their scope.
    const remits = personas
      .filter((p) => p.subject.role === 'department_staff')
      .map((p) => DEPARTMENT_REMIT[p.subject.departmentCode!]!.resources.join());
    expect(new Set(remits).size).toBe(2);
    for (const p of personas.filter((p) => p.roots.length > 0 && !districtWide(p))) {
      for (const path of ['addresses', 'houses', 'residents']) {
        const rows = p.rows.get(path)!;
        expect(rows.inId !== null && rows.outId !== null, `${p.key} ${path}: ${JSON.stringify(rows)}`).toBe(
          true,
        );
      }
    }
  });

  it('refuses to register an API route without a policy', async () => {
    const areaDirectory = await AreaDirectory.load(t.db);
    const app = Fastify({ logger: false });
    await app.register(authGuard, { db: t.db, config: t.config, areas: areaDirectory });
    const attempt = async () => {
      app.get(`${API}/matrix/unguarded`, async () => ({ leak: true }));
      await app.ready();
    };
    await expect(attempt()).rejects.toThrow(/declares no policy/);
    await app.close().catch(() => undefined);

    // Control: with a policy (or outside /api/) the same registration is accepted and listed.
    const ok = Fastify({ logger: false });
    await ok.register(authGuard, { db: t.db, config: t.config, areas: areaDirectory });
    ok.get(`${API}/matrix/guarded`, { config: { policy: 'authenticated' } }, async () => ({}));
    ok.get('/matrix/static', async () => ({}));
    await ok.ready();
    expect(ok.routePolicies).toEqual([
      { method: 'GET', url: `${API}/matrix/guarded`, policy: 'authenticated' },
    ]);
    expect((await ok.inject({ method: 'GET', url: `${API}/matrix/guarded` })).statusCode).toBe(401);
    await ok.close();
  });

  it('answers every route × role as the policy table and the data scope say', {
    timeout: 120_000,
  }, async () => {
    for (const { method, url, policy } of t.app.routePolicies) {
      const route = `${method} ${url}`;
      const hasId = url.includes(':id');
      const hasCode = url.includes(':code');
      // An entity's own routes (not other routes that borrow its policy, like identity conflicts of residents).
      const def =
        typeof policy === 'object' && new RegExp(`^${API}/registry/${policy.resource}(/|$)`).test(url)
          ? REGISTRY.get(policy.resource)
          : undefined;

      if (policy === 'public') {
        const res = await request(
          null,
          method,
          url + queryFor(null, method, url),
          method === 'GET' ? undefined : {},
        );
        expectStatus(route, 'anonymous', 'public route', res, passedAuth);
        note(route, 'anonymous', 1);
        continue;
      }
      // Everything else needs a session.
      const anonymousUrl = withParams(url, {
        id: def ? anyId.get(def.path) : 1,
        code: district.code,
      });
      const anonymous = await request(
        null,
        method,
        anonymousUrl + queryFor(null, method, url),
        method === 'GET' ? undefined : {},
      );
      expectStatus(route, 'anonymous', 'no session', anonymous, 401);
      note(route, 'anonymous', -1);

      if (policy === 'authenticated') {
        for (const p of personas) {
          if (method === 'GET') {
            const res = await request(p, method, url + queryFor(p, method, url));
            expectStatus(route, p.key, 'signed in', res, 200);
          } else {
            // State-changing session routes (logout, password) get a throw-away session.
            const fresh = await t.tokenFor(p.username);
            const res = await request(p, method, url, {}, fresh);
            expectStatus(route, p.key, 'signed in (fresh session)', res, passedAuth);
            // Signing out everywhere ends the persona's own session too: sign it in again.
            if (url.endsWith('/auth/sessions/end-all')) p.token = await t.tokenFor(p.username);
          }
          note(route, p.key, 1);
        }
        continue;
      }

      for (const p of personas) {
        await checkPolicyRoute(p, route, method, url, policy, def, hasId, hasCode);
      }
    }

    printMatrix();
    expect(failures, failures.join('\n')).toEqual([]);
  });

  async function checkPolicyRoute(
    p: Persona,
    route: string,
    method: string,
    url: string,
    policy: Exclude<RoutePolicy, string>,
    def: EntityDefinition | undefined,
    hasId: boolean,
    hasCode: boolean,
  ) {
    const allowed = expectedCan(p.subject, policy.action, policy.resource);
    const rows = def ? p.rows.get(def.path)! : undefined;
    const inId = rows?.inId ?? (def ? anyId.get(def.path)! : MISSING_ID);
    const outCode = areas.find((a) => a.level === 'grid' && !visible(p, a))?.code;
    const inCode = p.roots[0]?.code ?? district.code;
    const isReveal = policy.action === 'reveal';
    // Where the scope is smaller than the district, an out-of-scope id; else an id that does not exist.
    const foreign = rows?.outId && !districtWide(p) ? rows.outId : MISSING_ID;
    const expectNotFound = (
      route: string,
      who: string,
      what: string,
      res: { status: number; body: Json },
    ) => {
      const kind = foreign === MISSING_ID ? 'missing' : 'out-of-scope';
      if (expectStatus(route, who, `${what} ${kind} id ${foreign}`, res, 404))
        expectTrue(
          route,
          who,
          `${kind} id answers like a missing one (${res.body.code})`,
          res.body.code === 'not_found',
        );
    };
    const isCreate = method === 'POST' && !hasId && !hasCode && def !== undefined;
    const isArchive = method === 'POST' && url.endsWith('/archive');
    const bodyFor = (): unknown => {
      if (method === 'GET') return undefined;
      if (method === 'PATCH' && def) return patchBodies.get(def.path);
      if (isArchive) return undefined;
      return {};
    };
    const q = queryFor(p, method, url);
    const send = (params: { id?: number | null; code?: string }, body = bodyFor()) =>
      request(p, method, withParams(url, params) + q, body);

    if (isReveal && def) {
      for (const field of EXPECTED_PERSONAL_FIELDS[def.path as RegistryResource] ?? []) {
        const mayReveal =
          allowed && expectedRevealable(p.subject, def.path as RegistryResource).includes(field);
        const body = { field, reason: '授权矩阵核查' };
        if (!mayReveal) {
          const res = await send({ id: inId }, body);
          if (expectStatus(route, p.key, `reveal ${field} refused`, res, 403))
            expectTrue(
              route,
              p.key,
              `reveal ${field} refusal code ${res.body.code}`,
              res.body.code === 'forbidden',
            );
          note(route, p.key, -1);
          continue;
        }
        let n = 0;
        if (rows?.inId) {
          const res = await send({ id: rows.inId }, body);
          expectStatus(route, p.key, `reveal ${field} in scope`, res, 200);
          n++;
        }
        expectNotFound(route, p.key, `reveal ${field}`, await send({ id: foreign }, body));
        note(route, p.key, n + 1);
      }
      return;
    }

    if (!allowed) {
      const res = await send({ id: inId, code: hasCode ? inCode : undefined });
      if (expectStatus(route, p.key, 'refused by policy', res, 403))
        expectTrue(route, p.key, `refusal code ${res.body.code}`, res.body.code === 'forbidden');
      note(route, p.key, -1);
      return;
    }

    let n = 0;
    if (method === 'GET' && hasId) {
      if (rows?.inId) {
        const res = await send({ id: rows.inId });
        if (expectStatus(route, p.key, 'in-scope id', res, 200) && !url.endsWith('/history'))
          expectTrue(route, p.key, 'in-scope id lies in the scope', rowInScope(p, res.body));
        n++;
      }
      expectNotFound(route, p.key, 'read', await send({ id: foreign }));
      n++;
    } else if (method === 'GET' && hasCode) {
      expectStatus(route, p.key, `in-scope area ${inCode}`, await send({ code: inCode }), 200);
      n++;
      if (outCode) {
        expectStatus(route, p.key, `out-of-scope area ${outCode}`, await send({ code: outCode }), 404);
        n++;
      }
    } else if (method === 'GET') {
      const res = await send({});
      n++;
      if (expectStatus(route, p.key, 'list', res, 200) && Array.isArray(res.body.items)) {
        const items = res.body.items as Json[];
        const located = items.filter((i) => 'districtId' in i);
        const outside = located.filter((i) => !rowInScope(p, i)).map((i) => i.id);
        expectTrue(route, p.key, `rows outside the scope: ${outside.join(',')}`, outside.length === 0);
        n++;
        if (def && rows) {
          const want = Math.min(rows.active, LIST_LIMIT);
          expectTrue(route, p.key, `page of ${items.length} rows, ${want} expected`, items.length === want);
          n++;
        }
      }
    } else if (isCreate) {
      expectStatus(route, p.key, 'empty create body', await send({}, {}), 400);
      n++;
    } else if (hasId && def) {
      // PATCH, archive: never on an in-scope row.
      expectNotFound(route, p.key, method === 'PATCH' ? 'update' : 'archive', await send({ id: foreign }));
      n++;
    } else {
      // A route shape the matrix does not know in detail: it must at least pass authorization.
      const res = await send(
        { id: MISSING_ID, code: hasCode ? inCode : undefined },
        method === 'GET' ? undefined : {},
      );
      expectStatus(route, p.key, 'allowed by policy', res, passedAuth);
      n++;
    }
    note(route, p.key, n);
  }

  function printMatrix() {
    const who = ['anonymous', ...personas.map((p) => p.key)];
    const width = Math.max(...[...matrix.keys()].map((k) => k.length));
    const short = (k: string) => k.replace('dept:', '').slice(0, 9).padStart(9);
    const lines = [`${'route'.padEnd(width)} ${who.map(short).join(' ')}`];
    let refused = 0;
    for (const [route, cells] of matrix) {
      const cell = (k: string) => {
        const c = cells.get(k);
        refused += c?.refused ?? 0;
        const parts = [c?.ok ? `ok${c.ok}` : '', c?.refused ? `no${c.refused}` : ''].filter(Boolean);
        return (parts.join('/') || '.').padStart(9);
      };
      lines.push(`${route.padEnd(width)} ${who.map(cell).join(' ')}`);
    }
    lines.push(
      `${matrix.size} routes × ${personas.length} accounts + anonymous: ${checks} checks (${refused} expected refusals 401/403). okN: N checks that passed authorization and got the scoped answer; noN: N refused as expected.`,
    );
    console.log(lines.join('\n'));
  }

  it('counts in the summary only what the account may see, never more than the district centre', async () => {
    const centre = personas.find((p) => p.key === 'centre')!;
    const centreCounts = (await request(centre, 'GET', `${API}/registry/summary?area=${district.code}`)).body
      .counts as Record<string, number | null>;
    let compared = 0;
    for (const p of personas) {
      if (!expectedCan(p.subject, 'read', 'summary')) continue;
      const res = await request(p, 'GET', `${API}/registry/summary?area=${district.code}`);
      expect(res.status, p.key).toBe(200);
      const counts = res.body.counts as Record<string, number | null>;
      for (const [metric, m] of Object.entries(METRICS)) {
        const resource = m.table.replaceAll('_', '-') as Resource;
        if (!expectedCan(p.subject, 'read', resource)) {
          expect(counts[metric], `${p.key} ${metric}`).toBeNull();
          continue;
        }
        const where = ['archived_at IS NULL', m.where, scopeSql(p)].filter(Boolean).join(' AND ');
        const [row] = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${m.table} WHERE ${where}`,
        );
        expect(counts[metric], `${p.key} ${metric}`).toBe(row!.n);
        expect(counts[metric]!, `${p.key} ${metric} ≤ centre`).toBeLessThanOrEqual(centreCounts[metric]!);
        compared++;
      }
      for (const level of ['street', 'community', 'grid'] as const) {
        const key = { street: 'streets', community: 'communities', grid: 'grids' }[level];
        const want = areas.filter((a) => a.level === level && visible(p, a)).length;
        expect(counts[key], `${p.key} ${key}`).toBe(want);
      }
      const outside = areas.find((a) => a.level === 'grid' && !visible(p, a));
      if (outside) {
        const other = await request(p, 'GET', `${API}/registry/summary?area=${outside.code}`);
        expect(other.status, `${p.key} summary of ${outside.code}`).toBe(404);
      }
      if (ROLE_AREA_LEVEL[p.subject.role] && ROLE_AREA_LEVEL[p.subject.role] !== 'district') {
        for (const metric of ['residents', 'houses', 'addresses'])
          if (counts[metric] !== null)
            expect(counts[metric]!, `${p.key} ${metric}`).toBeLessThan(centreCounts[metric]!);
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('shows each account only its subtree and the path to it; other areas answer 404', async () => {
    for (const p of personas) {
      if (!expectedCan(p.subject, 'read', 'areas')) {
        expect((await request(p, 'GET', `${API}/areas/tree`)).status, p.key).toBe(403);
        continue;
      }
      const res = await request(p, 'GET', `${API}/areas/tree`);
      expect(res.status, p.key).toBe(200);
      const ids: number[] = [];
      const walk = (nodes: { id: number; children: unknown[] }[]) => {
        for (const n of nodes) {
          ids.push(n.id);
          walk(n.children as typeof nodes);
        }
      };
      walk(res.body.roots as { id: number; children: unknown[] }[]);
      const want = areas.filter((a) => visible(p, a)).map((a) => a.id);
      expect(
        ids.sort((a, b) => a - b),
        p.key,
      ).toEqual(want.sort((a, b) => a - b));

      const gridsShown = (await request(p, 'GET', `${API}/areas/${district.code}/boundaries?level=grid`)).body
        .features as { id: string }[];
      expect(gridsShown.map((f) => f.id).sort(), p.key).toEqual(
        areas
          .filter((a) => a.level === 'grid' && visible(p, a))
          .map((a) => a.code)
          .sort(),
      );
      const outside = areas.find((a) => a.level === 'grid' && !visible(p, a));
      if (districtWide(p)) expect(outside, p.key).toBeUndefined();
      else {
        expect(outside, p.key).toBeDefined();
        const res404 = await request(p, 'GET', `${API}/areas/${outside!.code}/boundaries`);
        expect(res404.status, p.key).toBe(404);
        expect(
          (await request(p, 'GET', `${API}/areas/locate?lat=${outside!.lat}&lng=${outside!.lng}`)).status,
          p.key,
        ).toBe(422);
      }
    }
  });
});
