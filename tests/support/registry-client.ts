import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../core/validation/id-number';

type Json = Record<string, unknown>;

/** Thin helpers over `app.inject` for registry tests. */
export function registryClient(app: FastifyInstance, token?: string) {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    headers: Json = {},
  ) => {
    const res = await app.inject({
      method,
      url,
      payload: payload as Json,
      headers: { ...auth, ...(headers as Record<string, string>) },
    });
    return { status: res.statusCode, body: res.body ? (res.json() as Json & { items?: Json[] }) : {} };
  };
  return {
    call,
    get: (url: string) => call('GET', `/api/v1${url}`),
    post: (url: string, body: unknown) => call('POST', `/api/v1${url}`, body),
    patch: (url: string, body: unknown) => call('PATCH', `/api/v1${url}`, body),
    async tree() {
      return (await call('GET', '/api/v1/areas/tree')).body.roots as AreaNode[];
    },
    async firstId(path: string, query = '') {
      const res = await call('GET', `/api/v1/registry/${path}?limit=1${query}`);
      return (res.body.items as Json[])[0]!.id as number;
    },
  };
}

export interface AreaNode {
  id: number;
  code: string;
  level: string;
  name: string;
  children: AreaNode[];
}

let counter = 0;
/** A valid ID number unlikely to meet the demo data's: Beijing region code, distinct per call. */
export function freshIdNumber(sex: 'M' | 'F' = 'F', birthDate = '1985-06-15') {
  counter += 1;
  const base = (process.pid * 37 + counter * 2 + Math.floor(Math.random() * 400)) % 998;
  const sequence = sex === 'M' ? base | 1 : base & ~1;
  const day = String(1 + ((counter + process.pid) % 28)).padStart(2, '0');
  const date = birthDate.slice(0, 8) + day;
  return { idNumber: makeIdNumber('110105', date, sequence), birthDate: date };
}

/** Rows in a table and in the history: unchanged counts prove a refused request wrote nothing. */
export async function writeCounts(
  db: { query<T extends Record<string, unknown>>(q: string): Promise<T[]> },
  table: string,
) {
  const [row] = await db.query<{ rows: number; history: number }>(
    `SELECT (SELECT count(*)::int FROM ${table}) AS rows, (SELECT count(*)::int FROM record_history) AS history`,
  );
  return row!;
}
