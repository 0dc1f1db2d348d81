import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

/**
 * What the loop refuses, through the HTTP API: wrong state (409 naming the state and the actions allowed now),
 * wrong role (403), out of reach (404, like missing), not my department (404), a stale version (409), the
 * loser of two concurrent transitions (409), repeated reports, bad input — and that a refusal writes nothing.
 */
describe('grid events: refusals', () => {
  let w: EventsWorld;
  beforeAll(async () => {
    w = await eventsWorld();
  }, 180_000);
  afterAll(async () => w?.close());

  const newEvent = async (body: Record<string, unknown> = {}) => {
    const res = await w.report(w.accounts.grid, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };

  it('answers an action from the wrong state with 409, the state and the actions allowed now; writes nothing', async () => {
    const id = await newEvent();
    const before = await w.footprint(id);
    const res = await w.act(w.accounts.grid, id, 'verify');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'not_allowed_now',
      state: 'reported',
      version: 1,
      allowedActions: ['accept', 'handle', 'escalate'],
    });
    expect(res.body.message).toContain('reported');
    expect(await w.footprint(id)).toEqual(before);
  });

  it('refuses a role that never takes the action with 403, and a step of another level with 403 naming what it may do', async () => {
    const id = await newEvent();
    const before = await w.footprint(id);
    const dispatch = await w.act(w.accounts.grid, id, 'dispatch', { lead: 'transport' });
    expect(dispatch.status).toBe(403);
    expect(dispatch.body.code).toBe('forbidden');
    // The street centre may accept events, but this one waits at the grid.
    const accept = await w.act(w.accounts.street, id, 'accept');
    expect(accept.status).toBe(403);
    expect(accept.body).toMatchObject({ code: 'not_your_step', state: 'reported', allowedActions: [] });
    expect(await w.footprint(id)).toEqual(before);
  });

  it('answers 404 out of reach (another grid) and for a department it was not dispatched to', async () => {
    const id = await newEvent();
    const other = await w.act(w.accounts.otherGrid, id, 'accept');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    expect((await w.call(w.accounts.otherGrid, 'GET', `/events/${id}`)).status).toBe(404);
    expect((await w.call(w.accounts.transport, 'GET', `/events/${id}`)).status).toBe(404);

    for (const [who, reason] of [
      [w.accounts.grid, '网格无法处置'],
      [w.accounts.community, '需街道'],
      [w.accounts.street, '需区级'],
    ] as const)
      expect((await w.act(who, id, 'escalate', { reason })).status).toBe(200);
    expect(
      (await w.act(w.accounts.centre, id, 'dispatch', { lead: 'transport', cooperating: ['construction'] }))
        .status,
    ).toBe(200);
    const before = await w.footprint(id);
    const health = await w.act(w.accounts.health, id, 'feedback', { note: '不是我们的' });
    expect(health.status).toBe(404);
    expect(health.body.code).toBe('not_found');
    // A co-operating department feeds back but cannot report the whole job done (the lead's step).
    const coop = await w.act(w.accounts.construction, id, 'complete', { note: '完成' });
    expect(coop.status).toBe(403);
    expect(coop.body).toMatchObject({ code: 'not_your_step', allowedActions: ['feedback'] });
    expect(await w.footprint(id)).toEqual(before);
    // The lead may send it back as not theirs: back to the centre's triage, the clock with the centre.
    const refused = await w.act(w.accounts.transport, id, 'refuse', { reason: '属城管职责' });
    expect(refused.body).toMatchObject({ state: 'reported', level: 'district' });
    expect(refused.body.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentCode: 'transport', state: 'refused' }),
        expect.objectContaining({ departmentCode: 'construction', state: 'withdrawn' }),
      ]),
    );
  });

  it('answers a stale version with 409 naming the current state and version; writes nothing', async () => {
    const id = await newEvent();
    expect((await w.act(w.accounts.grid, id, 'accept', { version: 1 })).status).toBe(200);
    const before = await w.footprint(id);
    const res = await w.act(w.accounts.grid, id, 'handle', { version: 1, note: '已处置' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'version_conflict',
      field: 'version',
      state: 'in_progress',
      version: 2,
      allowedActions: ['handle', 'escalate', 'ask_extension'],
    });
    expect(await w.footprint(id)).toEqual(before);
  });

  it('lets one of two concurrent transitions of an event through and answers the other 409', async () => {
    const id = await newEvent();
    const [a, b] = await Promise.all([
      w.act(w.accounts.grid, id, 'accept', { version: 1 }),
      w.act(w.accounts.grid, id, 'escalate', { version: 1, reason: '需社区' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const fp = await w.footprint(id);
    expect(fp).toMatchObject({ steps: 2, outbox: 2, audit: 2 });
  });

  it('asks for a reason where the loop needs one (400), and writes nothing', async () => {
    const id = await newEvent();
    const before = await w.footprint(id);
    const res = await w.act(w.accounts.grid, id, 'escalate');
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('reason');
    const blank = await w.act(w.accounts.grid, id, 'escalate', { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(await w.footprint(id)).toEqual(before);
  });

  it('answers a repeated report with the first answer and writes nothing; a key reused for another report is refused', async () => {
    const key = randomUUID();
    const first = await w.report(w.accounts.grid, { title: '路灯不亮' }, key);
    expect(first.status).toBe(201);
    const count = async () =>
      (await w.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;
    const n = await count();
    const again = await w.report(w.accounts.grid, { title: '路灯不亮' }, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [x, y] = await Promise.all([
      w.report(w.accounts.grid, { title: '同时上报' }, 'same-key-twice-at-once'),
      w.report(w.accounts.grid, { title: '同时上报' }, 'same-key-twice-at-once'),
    ]);
    expect(x.body.id).toBe(y.body.id);
    expect(await count()).toBe(n + 1);
    const reused = await w.report(w.accounts.grid, { title: '另一件事' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(n + 1);
  });

  it('refuses bad reports with a message a person can act on', async () => {
    const cases: [Record<string, unknown>, Record<string, string> | undefined, number, string][] = [
      [{ lat: 10, lng: 10 }, undefined, 422, 'outside_district'],
      [{ categoryCode: '99' }, undefined, 422, 'category_unknown'],
      [{ categoryCode: '20' }, undefined, 422, 'category_needs_sub_category'],
      [{ kind: 'service' }, undefined, 422, 'category_wrong_kind'],
      [{ urgency: 'emergency' }, undefined, 422, 'not_an_emergency_category'],
      [{ reporterPhone: '12345' }, undefined, 400, 'invalid_field'],
      [{ residentId: 2147483647 }, undefined, 422, 'unknown_link'],
      [{ title: '' }, undefined, 400, 'invalid_request'],
    ];
    for (const [body, , status, code] of cases) {
      const res = await w.report(w.accounts.grid, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.code, JSON.stringify(body)).toBe(code);
      expect(String(res.body.message).length).toBeGreaterThan(10);
    }
    // A point in the district but outside the reporter's own grid.
    const [far] = await w.db.query<{ lat: number; lng: number }>(
      "SELECT centroid_lat AS lat, centroid_lng AS lng FROM areas WHERE level = 'grid' AND id <> $1 LIMIT 1",
      [w.grid.grid_id],
    );
    expect((await w.report(w.accounts.grid, { lat: far!.lat, lng: far!.lng })).body.code).toBe(
      'outside_your_area',
    );
    const noKey = await w.call(w.accounts.grid, 'POST', '/events', {
      kind: 'hazard',
      categoryCode: '11',
      title: 'x',
      lat: 1,
      lng: 1,
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.field).toContain('idempotency-key');
  });

  it('sends an emergency (直报) straight to the district centre', async () => {
    const res = await w.report(w.accounts.grid, {
      categoryCode: '25',
      kind: 'dispute',
      urgency: 'emergency',
      title: '家暴求助',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ level: 'district', sensitive: true });
    const centre = await w.call(w.accounts.centre, 'GET', `/events/${res.body.id}`);
    expect(centre.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'dispatch']));
    // Sensitive: the community, which is not working it, does not see it; the reporter still does.
    expect((await w.call(w.accounts.community, 'GET', `/events/${res.body.id}`)).status).toBe(404);
    expect((await w.call(w.accounts.leader, 'GET', `/events/${res.body.id}`)).status).toBe(404);
    expect((await w.call(w.accounts.grid, 'GET', `/events/${res.body.id}`)).status).toBe(200);
  });

  it('lets the one who verifies a sensitive event see it while it waits for verification', async () => {
    const a = w.accounts;
    const res = await w.report(a.grid, { categoryCode: '24', kind: 'dispute', title: '信访诉求' });
    expect(res.body.sensitive).toBe(true);
    const id = res.body.id as number;
    expect((await w.call(a.community, 'GET', `/events/${id}`)).status).toBe(404);
    await w.act(a.grid, id, 'handle', { note: '已当面答复' });
    const waiting = await w.call(a.community, 'GET', `/events/${id}`);
    expect(waiting.status).toBe(200);
    expect(waiting.body.allowedActions).toContain('verify');
    expect((await w.act(a.community, id, 'verify')).body).toMatchObject({ state: 'verified' });
    expect((await w.call(a.community, 'GET', `/events/${id}`)).status).toBe(404);
    expect((await w.act(a.grid, id, 'close')).body).toMatchObject({ state: 'closed' });
  });
});
