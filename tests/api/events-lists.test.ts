import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Item = { id: number; state: string; gridId: number };

/** Lists, the change feed and the reporter's privacy, each as the account sees them. */
describe('grid events: lists, feed and need to know', () => {
  let w: EventsWorld;
  let dispatched: number;
  beforeAll(async () => {
    w = await eventsWorld();
    const a = w.accounts;
    const res = await w.report(a.grid, {
      anonymous: true,
      reporterName: '王女士',
      reporterPhone: '13812345678',
      source: 'hotline',
    });
    dispatched = res.body.id as number;
    for (const [who, reason] of [
      [a.grid, '上报'],
      [a.community, '上报'],
      [a.street, '上报'],
    ] as const)
      await w.act(who, dispatched, 'escalate', { reason });
    await w.act(a.centre, dispatched, 'dispatch', { lead: 'transport', cooperating: ['construction'] });
  }, 180_000);
  afterAll(async () => w?.close());

  it('pages the list by keyset without repeats, with filters', async () => {
    const a = w.accounts;
    for (let i = 0; i < 3; i++) await w.report(a.grid, { title: `第${i}件` });
    // Three pages of two (the demo history may hold many more events in the grid).
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const url: string = `/events?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await w.call(a.grid, 'GET', url);
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as Item[]).map((e) => e.id));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
    const reported = await w.call(a.grid, 'GET', '/events?state=reported');
    expect((reported.body.items as Item[]).every((e) => e.state === 'reported')).toBe(true);
    const [grid] = await w.db.query<{ code: string }>('SELECT code FROM areas WHERE id = $1', [
      w.grid.grid_id,
    ]);
    const inGrid = await w.call(a.centre, 'GET', `/events?area=${grid!.code.trim()}`);
    expect((inGrid.body.items as Item[]).every((e) => e.gridId === w.grid.grid_id)).toBe(true);
    const forged = await w.call(a.grid, 'GET', '/events?state=closed&cursor=abc');
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('invalid_cursor');
  });

  it('shows a department only what was dispatched to it, in lists and in the feed', async () => {
    const a = w.accounts;
    const ever = async (code: string) =>
      new Set(
        (
          await w.db.query<{ id: number }>(
            `SELECT DISTINCT x.event_id AS id FROM event_assignments x JOIN departments d ON d.id = x.department_id
              WHERE d.code = $1`,
            [code],
          )
        ).map((r) => r.id),
      );
    const transport = await ever('transport');
    const list = await w.call(a.transport, 'GET', '/events?limit=200');
    const listed = (list.body.items as Item[]).map((e) => e.id);
    expect(listed).toContain(dispatched);
    expect(listed.filter((id) => !transport.has(id))).toEqual([]);
    const health = await ever('health');
    expect(health.has(dispatched)).toBe(false);
    const healthList = (await w.call(a.health, 'GET', '/events?limit=200')).body.items as Item[];
    expect(healthList.filter((e) => !health.has(e.id))).toEqual([]);
    const feed = await w.call(a.transport, 'GET', '/events/changes?limit=500');
    const fed = (feed.body.items as { eventId: number }[]).map((s) => s.eventId);
    expect(fed.filter((id) => !transport.has(id))).toEqual([]);
    const [open] = await w.db.query<{ n: number }>(
      `SELECT count(DISTINCT e.id)::int AS n FROM events e JOIN event_assignments x ON x.event_id = e.id
         JOIN departments d ON d.id = x.department_id
        WHERE d.code = 'transport' AND x.state = 'working' AND e.state = 'in_progress'`,
    );
    const queue = await w.call(a.transport, 'GET', '/events/queue');
    expect((queue.body.counts as Record<string, { total: number }>).in_hand!.total).toBe(open!.n);
  });

  it('pages a queue by its deadlines without repeats', async () => {
    const a = w.accounts;
    for (let i = 0; i < 3; i++) await w.report(a.grid, { title: `待办${i}` });
    const seen: { id: number; dueAt: string | null }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 4; page++) {
      const url: string = `/events/queue?queue=triage&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await w.call(a.grid, 'GET', url);
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { id: number; dueAt: string | null }[]));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const due = seen.map((e) => (e.dueAt ? Date.parse(e.dueAt) : Number.POSITIVE_INFINITY));
    expect([...due].sort((x, y) => x - y)).toEqual(due);
    const other = await w.call(
      a.grid,
      'GET',
      `/events/queue?queue=rating&cursor=${encodeURIComponent(cursor ?? 'x')}`,
    );
    expect(other.status).toBe(400);
  });

  it('hides an anonymous reporter from co-operating departments, and masks the phone for everyone', async () => {
    const a = w.accounts;
    const lead = await w.call(a.transport, 'GET', `/events/${dispatched}`);
    expect(lead.body.reporter).toMatchObject({
      name: '王女士',
      phoneMasked: expect.stringMatching(/^138\*+5678$|\*/),
    });
    expect(JSON.stringify(lead.body)).not.toContain('13812345678');
    const coop = await w.call(a.construction, 'GET', `/events/${dispatched}`);
    expect(coop.status).toBe(200);
    expect(coop.body.reporter).toBeNull();
    const [row] = await w.db.query<{ enc: Uint8Array | null }>(
      'SELECT reporter_phone_enc AS enc FROM events WHERE id = $1',
      [dispatched],
    );
    expect(Buffer.from(row!.enc!).toString('latin1')).not.toContain('13812345678');
  });
});
