import { type Action, can, type Resource } from '../core/policy/capabilities';
import type { Role } from '../core/policy/roles';
import { testConfig } from '../server/config';
import type { Database } from '../server/db/client';
import { createSession } from '../server/modules/auth';

/** One kind of everyday request; `build` gives its method, path and body for an account. */
export type Endpoint = 'list' | 'search' | 'get' | 'summary' | 'history' | 'update';

export interface LoadRequest {
  method: 'GET' | 'PATCH';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface AreaSample {
  code: string;
  residents: number[];
  houses: number[];
  surnames: string[];
}

interface PlannedAccount {
  username: string;
  token: string;
  area: AreaSample;
  /** What this account's role may do, in the mix's terms. */
  endpoints: Endpoint[];
}

/** The mix of a working day: mostly lists and look-ups, some searches, a few edits (weights sum to 100). */
export const MIX: Record<Endpoint, number> = {
  list: 30,
  search: 20,
  get: 15,
  summary: 15,
  history: 10,
  update: 10,
};

const NEEDS: Record<Endpoint, [Action, Resource][]> = {
  list: [['read', 'residents']],
  search: [['read', 'residents']],
  get: [['read', 'residents']],
  summary: [['read', 'summary']],
  history: [['read', 'houses']],
  update: [['update', 'houses']],
};

async function sampleArea(db: Database, id: number, level: string, code: string): Promise<AreaSample> {
  const column = level === 'grid' ? 'grid_id' : `${level}_id`;
  const residents = await db.query<{ id: number; s: string }>(
    `SELECT id, left(name, 1) AS s FROM residents WHERE ${column} = $1 AND archived_at IS NULL LIMIT 40`,
    [id],
  );
  const houses = await db.query<{ id: number }>(
    `SELECT id FROM houses WHERE ${column} = $1 AND archived_at IS NULL LIMIT 20`,
    [id],
  );
  return {
    code: code.trim(),
    residents: residents.map((r) => Number(r.id)),
    houses: houses.map((h) => Number(h.id)),
    surnames: [...new Set(residents.map((r) => r.s))],
  };
}

/**
 * Every demo account that works on the registry (not the auditors or the administrator), each with a fresh
 * bearer session created the way the login route creates one, and records of its own area to ask for.
 */
export async function planAccounts(db: Database): Promise<PlannedAccount[]> {
  const rows = await db.query<{
    id: number;
    username: string;
    role: Role;
    area_id: number;
    level: string;
    code: string;
    department_code: string | null;
  }>(
    `SELECT a.id, a.username, a.role, ar.id AS area_id, ar.level, ar.code, d.code AS department_code
       FROM accounts a JOIN areas ar ON ar.id = a.area_ids[1] LEFT JOIN departments d ON d.id = a.department_id
      WHERE a.disabled_at IS NULL AND a.role NOT IN ('admin', 'auditor') ORDER BY a.username`,
  );
  const config = testConfig();
  const samples = new Map<number, AreaSample>();
  const accounts: PlannedAccount[] = [];
  for (const row of rows) {
    let area = samples.get(row.area_id);
    if (!area) {
      area = await sampleArea(db, row.area_id, row.level, row.code);
      samples.set(row.area_id, area);
    }
    if (area.residents.length === 0 || area.houses.length === 0) continue;
    const subject = { role: row.role, departmentCode: row.department_code };
    const endpoints = (Object.keys(MIX) as Endpoint[]).filter((e) =>
      NEEDS[e].every(([action, resource]) => can(subject, action, resource)),
    );
    if (endpoints.length === 0) continue;
    const { token } = await createSession(db.orm, config, Number(row.id), 'bearer');
    accounts.push({ username: row.username, token, area, endpoints });
  }
  return accounts;
}

const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;

/** The n-th request of an endpoint for an account (n varies the record, term and value). */
export function requestFor(account: PlannedAccount, endpoint: Endpoint, n: number): LoadRequest {
  const headers = { authorization: `Bearer ${account.token}` };
  const { area } = account;
  const base = '/api/v1/registry';
  switch (endpoint) {
    case 'list':
      return { method: 'GET', path: `${base}/residents?area=${area.code}`, headers };
    case 'search': {
      const q = encodeURIComponent(pick(area.surnames, n));
      return { method: 'GET', path: `${base}/residents?area=${area.code}&q=${q}`, headers };
    }
    case 'get':
      return { method: 'GET', path: `${base}/residents/${pick(area.residents, n)}`, headers };
    case 'summary':
      return { method: 'GET', path: `${base}/summary?area=${area.code}`, headers };
    case 'history':
      return { method: 'GET', path: `${base}/houses/${pick(area.houses, n)}/history`, headers };
    case 'update':
      return {
        method: 'PATCH',
        path: `${base}/houses/${pick(area.houses, n)}`,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ floorArea: 40 + (n % 120) }),
      };
  }
}

/** A deterministic endless stream over the mix: account after account, each with an endpoint it may use. */
export function mixedStream(accounts: PlannedAccount[]): () => LoadRequest {
  const wheel = (Object.entries(MIX) as [Endpoint, number][]).flatMap(([e, w]) => Array(w).fill(e));
  let n = 0;
  return () => {
    const account = accounts[(n * 7919) % accounts.length]!;
    const wanted: Endpoint = wheel[(n * 37) % wheel.length];
    const endpoint = account.endpoints.includes(wanted) ? wanted : pick(account.endpoints, n);
    return requestFor(account, endpoint, n++);
  };
}

/** Requests of one endpoint only, rotating over the accounts that may use it. */
export function endpointStream(accounts: PlannedAccount[], endpoint: Endpoint): () => LoadRequest {
  const able = accounts.filter((a) => a.endpoints.includes(endpoint));
  let n = 0;
  return () => requestFor(pick(able, (n * 7919) % able.length), endpoint, n++);
}
