import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Place = { lat: number; lng: number; community: string; street: string };

/**
 * Routing rules (分流规则) through the HTTP app as the demo's roles: who may edit them, bad codes, the
 * suggestion's specificity order, retired rules, and the acceptance rate read back from dispatch steps.
 */
describe('routing rules and the dispatch suggestion', () => {
  let w: EventsWorld;
  let here: Place;
  let sameStreet: Place;
  let otherStreet: Place;
  beforeAll(async () => {
    w = await eventsWorld();
    const place = async (where: string, params: unknown[]) => {
      const [row] = await w.db.query<Place>(
        `SELECT g.centroid_lat AS lat, g.centroid_lng AS lng, c.code AS community, s.code AS street
           FROM areas g JOIN areas c ON c.id = g.community_id JOIN areas s ON s.id = g.street_id
          WHERE g.level = 'grid' AND ${where} ORDER BY g.code LIMIT 1`,
        params,
      );
      return row!;
    };
    here = await place('g.id = $1', [w.grid.grid_id]);
    sameStreet = await place('g.street_id = $1 AND g.community_id <> $2', [
      w.grid.street_id,
      w.grid.community_id,
    ]);
    otherStreet = await place('g.street_id <> $1', [w.grid.street_id]);
  }, 180_000);
  afterAll(async () => w?.close());

  const replace = (id: number, body: Record<string, unknown>) =>
    w.call(w.accounts.centre, 'POST', `/routing-rules/${id}/replace`, body);
  const rule = (body: Record<string, unknown>) => w.call(w.accounts.centre, 'POST', '/routing-rules', body);
  /** An event the district centre files at its own level, ready to dispatch, at a place. */
  const atDistrict = async (categoryCode: string, p: Place) => {
    const res = await w.report(w.accounts.centre, { categoryCode, lat: p.lat, lng: p.lng });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const suggestion = async (id: number) => {
    const res = await w.call(w.accounts.centre, 'GET', `/events/${id}/dispatch-suggestion`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { lead: string; cooperating: string[]; source: string; rule: { id: number } | null };
  };

  it('ships demo rules that differ from the catalogue, and suggests them', async () => {
    const list = await w.call(w.accounts.centre, 'GET', '/routing-rules?categoryCode=17');
    const [care] = list.body.items as Record<string, unknown>[];
    expect(care).toMatchObject({
      categoryCode: '17',
      area: { level: 'street' },
      lead: 'education',
      cooperating: ['industry_commerce'],
      catalogueLead: 'education',
    });
    expect(care!.catalogueCooperating).not.toEqual(care!.cooperating);
    const [grid] = await w.db.query<Place>(
      `SELECT g.centroid_lat AS lat, g.centroid_lng AS lng, c.code AS community, s.code AS street
         FROM areas g JOIN areas c ON c.id = g.community_id JOIN areas s ON s.id = g.street_id
        WHERE g.level = 'grid' AND s.code = $1 ORDER BY g.code LIMIT 1`,
      [(care!.area as { code: string }).code],
    );
    expect(await suggestion(await atDistrict('17', grid!))).toMatchObject({
      source: 'rule',
      lead: 'education',
      cooperating: ['industry_commerce'],
      rule: { id: care!.id },
    });
  });

  it('lets the district centre edit, the street centre read, and refuses everyone else', async () => {
    const a = w.accounts;
    expect((await w.call(a.street, 'GET', '/routing-rules')).status).toBe(200);
    for (const who of [a.grid, a.community, a.transport, a.leader])
      expect((await w.call(who, 'GET', '/routing-rules')).status, who).toBe(403);
    const body = { categoryCode: '06', lead: 'industry_commerce', cooperating: [] };
    expect((await w.call(a.street, 'POST', '/routing-rules', body)).status).toBe(403);
    expect((await w.call(a.grid, 'POST', '/routing-rules', body)).status).toBe(403);
  });

  it('refuses unknown categories, areas and departments, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryCode: '99', lead: 'education', cooperating: [] }, 'categoryCode'],
      [{ categoryCode: '17', area: 'nowhere', lead: 'education', cooperating: [] }, 'area'],
      [{ categoryCode: '17', lead: 'ministry_of_magic', cooperating: [] }, 'lead'],
      [{ categoryCode: '17', lead: 'education', cooperating: ['nobody'] }, 'cooperating'],
      [{ categoryCode: '17', lead: 'education', cooperating: ['education'] }, 'cooperating'],
    ];
    for (const [body, field] of cases) {
      const res = await rule(body);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.field).toBe(field);
    }
    expect((await rule({ categoryCode: '17', lead: 'education' })).status).toBe(201);
    const twin = await rule({ categoryCode: '17', lead: 'health', cooperating: [] });
    expect(twin.status).toBe(422);
    expect(twin.body.code).toBe('routing_rule_exists');
    const audit = await w.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'routing_rules.create'",
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('suggests the most specific live rule, else the catalogue default, and says which', async () => {
    const e = await atDistrict('20.01', here);
    const near = await atDistrict('20.01', sameStreet);
    const far = await atDistrict('20.01', otherStreet);
    const s0 = await suggestion(e);
    expect(s0).toMatchObject({ source: 'catalogue', rule: null, lead: 'safety_supervision' });

    const steps: [Record<string, unknown>, string][] = [
      [{ categoryCode: '20', lead: 'construction', cooperating: [] }, 'construction'],
      [
        { categoryCode: '20', area: here.street, lead: 'industry_commerce', cooperating: [] },
        'industry_commerce',
      ],
      [
        { categoryCode: '20', area: here.community, lead: 'public_security', cooperating: [] },
        'public_security',
      ],
      [{ categoryCode: '20.01', lead: 'transport', cooperating: [] }, 'transport'],
      [
        { categoryCode: '20.01', area: here.street, lead: 'traffic_police', cooperating: [] },
        'traffic_police',
      ],
      [{ categoryCode: '20.01', area: here.community, lead: 'health', cooperating: ['education'] }, 'health'],
    ];
    for (const [body, lead] of steps) {
      const created = await rule(body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const s = await suggestion(e);
      expect(s, JSON.stringify(body)).toMatchObject({ source: 'rule', lead, rule: { id: created.body.id } });
    }
    // Same street, other community: the street's sub-category rule; another street: the district-wide one.
    expect((await suggestion(near)).lead).toBe('traffic_police');
    expect((await suggestion(far)).lead).toBe('transport');
    // A sub-category without a rule of its own falls back to its category's rules.
    expect((await suggestion(await atDistrict('20.02', otherStreet))).lead).toBe('construction');
    expect((await w.call(w.accounts.street, 'GET', `/events/${e}/dispatch-suggestion`)).status).toBe(403);
  });

  it('versions a replaced rule, stops suggesting a retired one, and still explains old dispatches', async () => {
    const created = await rule({
      categoryCode: '16',
      area: here.street,
      lead: 'urban_management',
      cooperating: [],
    });
    const first = created.body.id as number;
    const e1 = await atDistrict('16', here);
    expect((await suggestion(e1)).rule).toMatchObject({ id: first, version: 1 });
    const dispatched = await w.act(w.accounts.centre, e1, 'dispatch', {
      lead: 'urban_management',
      cooperating: [],
    });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);

    const replaced = await replace(first, {
      categoryCode: '16',
      area: here.street,
      lead: 'industry_commerce',
      cooperating: ['urban_management'],
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ ruleId: first, version: 2, retiredAt: null });
    const e2 = await atDistrict('16', here);
    expect(await suggestion(e2)).toMatchObject({
      lead: 'industry_commerce',
      rule: { ruleId: first, version: 2 },
    });
    const again = { categoryCode: '16', lead: 'health', cooperating: [] };
    const stale = await replace(first, again);
    expect(stale.body.code).toBe('routing_rule_retired');

    const retired = await w.call(w.accounts.centre, 'POST', `/routing-rules/${replaced.body.id}/retire`);
    expect(retired.status).toBe(200);
    expect((await suggestion(e2)).source).toBe('catalogue');
    const all = await w.call(w.accounts.centre, 'GET', '/routing-rules?includeRetired=true&categoryCode=16');
    expect((all.body.items as { id: number; retiredAt: string | null }[]).map((r) => r.id)).toEqual([
      first,
      replaced.body.id,
    ]);
    const page = await w.call(w.accounts.centre, 'GET', `/events/${e1}`);
    const step = (page.body.steps as { action: string; details: Record<string, unknown> }[]).find(
      (s) => s.action === 'dispatch',
    );
    expect(step!.details.suggestion).toMatchObject({
      source: 'rule',
      lead: 'urban_management',
      rule: { id: first, version: 1 },
      followed: true,
    });
  });

  it('counts how often dispatchers took the suggestion, overall, per rule and per category', async () => {
    const made = await rule({
      categoryCode: '09',
      lead: 'urban_management',
      cooperating: ['public_security'],
    });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await atDistrict('09', here));
    const from = new Date().toISOString();
    const take = (id: number, lead: string, cooperating: string[]) =>
      w.act(w.accounts.centre, id, 'dispatch', { lead, cooperating });
    expect((await take(ids[0]!, 'urban_management', ['public_security'])).status).toBe(200);
    expect((await take(ids[1]!, 'urban_management', ['public_security'])).status).toBe(200);
    expect((await take(ids[2]!, 'urban_management', [])).status).toBe(200);
    expect((await take(ids[3]!, 'ecology_environment', ['public_security'])).status).toBe(200);
    const catalogue = await atDistrict('08', here);
    expect((await take(catalogue, 'urban_management', ['health'])).status).toBe(200);

    const res = await w.call(
      w.accounts.centre,
      'GET',
      `/routing-rules/acceptance?from=${encodeURIComponent(from)}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.overall).toEqual({ dispatches: 5, followed: 3, rate: 0.6 });
    expect(res.body.byRule).toEqual(
      expect.arrayContaining([
        {
          rule: { id: made.body.id, ruleId: made.body.id, version: 1 },
          dispatches: 4,
          followed: 2,
          rate: 0.5,
        },
        { rule: null, dispatches: 1, followed: 1, rate: 1 },
      ]),
    );
    expect(res.body.byCategory).toEqual([
      { categoryCode: '08', dispatches: 1, followed: 1, rate: 1 },
      { categoryCode: '09', dispatches: 4, followed: 2, rate: 0.5 },
    ]);
    expect((await w.call(w.accounts.street, 'GET', '/routing-rules/acceptance')).status).toBe(200);
    expect((await w.call(w.accounts.grid, 'GET', '/routing-rules/acceptance')).status).toBe(403);
  });
});
