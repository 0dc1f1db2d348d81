import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Item = {
  id: number;
  urgency: string;
  overdue: boolean;
  dueAt: string | null;
  warnAt: string | null;
  createdAt: string;
  lat: number;
  lng: number;
};
type Step = { action: string; actorRole: string | null; actorOffice: string | null };

/** What the events screens read: the office of each step, the warning time, server filters and sorts, points. */
describe('grid events: history offices, warnings, list filters and sorts', () => {
  let w: EventsWorld;
  const ids: number[] = [];
  beforeAll(async () => {
    w = await eventsWorld();
    for (const urgency of ['normal', 'urgent', 'normal', 'urgent', 'normal'])
      ids.push((await w.report(w.accounts.grid, { urgency, title: `排序${urgency}` })).body.id as number);
  }, 180_000);
  afterAll(async () => w?.close());

  /** Every page of a list as `username`, following the cursor. */
  async function all(username: string, query: string, limit = 2): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/events?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await w.call(username, 'GET', url);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  it('keeps the role and office of each step as they were when it was taken', async () => {
    const a = w.accounts;
    const id = ids[0]!;
    await w.act(a.grid, id, 'escalate', { reason: '网格无法处置' });
    const [before] = await w.db.query<{ role: string }>('SELECT role FROM accounts WHERE username = $1', [
      a.grid,
    ]);
    await w.db.query(`UPDATE accounts SET role = 'community_staff' WHERE username = $1`, [a.grid]);
    try {
      const res = await w.call(a.centre, 'GET', `/events/${id}`);
      expect(res.status).toBe(200);
      const steps = res.body.steps as Step[];
      expect(steps.map((s) => s.actorRole)).toEqual(['grid_worker', 'grid_worker']);
      expect(steps[0]!.actorOffice).toMatch(/\S/);
    } finally {
      await w.db.query('UPDATE accounts SET role = $1 WHERE username = $2', [before!.role, a.grid]);
    }
    const dispatched = ids[1]!;
    for (const who of [a.grid, a.community, a.street])
      await w.act(who, dispatched, 'escalate', { reason: '上报' });
    await w.act(a.centre, dispatched, 'dispatch', { lead: 'transport' });
    const fed = await w.act(a.transport, dispatched, 'complete', { note: '已调整站台' });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    const steps = fed.body.steps as Step[];
    expect(steps.map((s) => s.actorRole)).toEqual([
      'grid_worker',
      'grid_worker',
      'community_staff',
      'street_staff',
      'district_centre',
      'department_staff',
    ]);
    const [dept] = await w.db.query<{ name: string }>(
      `SELECT name FROM departments WHERE code = 'transport'`,
    );
    expect(steps.at(-1)!.actorOffice).toBe(dept!.name);
  });

  it('gives the warning time beside the deadline, and the point, in lists and on the event', async () => {
    const res = await w.call(w.accounts.grid, 'GET', `/events/${ids[2]}`);
    const { createdAt, warnAt, dueAt } = res.body as Item;
    expect(warnAt).not.toBeNull();
    expect(new Date(createdAt) < new Date(warnAt!)).toBe(true);
    expect(new Date(warnAt!) < new Date(dueAt!)).toBe(true);
    const list = await w.call(w.accounts.grid, 'GET', '/events?limit=100');
    const item = (list.body.items as Item[]).find((e) => e.id === ids[2])!;
    expect(item.warnAt).toBe(warnAt);
    expect(item.lat).toBeCloseTo(w.grid.lat);
    expect(item.lng).toBeCloseTo(w.grid.lng);
  });

  it('filters by urgency and overdue over every page, not the page shown', async () => {
    const urgent = await all(w.accounts.grid, 'urgency=urgent');
    expect(urgent.every((e) => e.urgency === 'urgent')).toBe(true);
    expect(urgent.map((e) => e.id)).toEqual(expect.arrayContaining([ids[3]]));
    await w.db.query(`UPDATE events SET due_at = now() - interval '1 hour' WHERE id = $1`, [ids[4]]);
    const overdue = await all(w.accounts.grid, 'overdue=true');
    expect(overdue.every((e) => e.overdue)).toBe(true);
    expect(overdue.map((e) => e.id)).toContain(ids[4]);
    const onTime = await all(w.accounts.grid, 'overdue=false&state=reported', 50);
    expect(onTime.some((e) => e.overdue)).toBe(false);
    expect(onTime.map((e) => e.id)).toContain(ids[2]);
  });

  it('sorts by deadline, urgency and creation with keyset pages that neither repeat nor skip', async () => {
    const g = w.accounts.grid;
    const byDue = await all(g, 'sort=due&order=asc&state=reported', 3);
    const due = byDue.map((e) => (e.dueAt ? Date.parse(e.dueAt) : Number.POSITIVE_INFINITY));
    expect(due).toEqual([...due].sort((x, y) => x - y));
    expect(new Set(byDue.map((e) => e.id)).size).toBe(byDue.length);
    const rank = { normal: 0, urgent: 1, emergency: 2 } as Record<string, number>;
    const byUrgency = await all(g, 'sort=urgency&order=desc&state=reported', 2);
    const ranks = byUrgency.map((e) => rank[e.urgency]!);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    const everyReported = await all(g, 'state=reported', 50);
    expect(new Set(byUrgency.map((e) => e.id))).toEqual(new Set(everyReported.map((e) => e.id)));
    const oldest = await all(g, 'sort=created&order=asc&state=reported', 2);
    const created = oldest.map((e) => Date.parse(e.createdAt));
    expect(created).toEqual([...created].sort((x, y) => x - y));

    const first = await w.call(g, 'GET', '/events?sort=due&limit=1');
    const carried = await w.call(
      g,
      'GET',
      `/events?sort=urgency&limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    expect(carried.status).toBe(400);
    expect(carried.body.code).toBe('invalid_cursor');
    const bad = await w.call(g, 'GET', '/events?sort=title');
    expect(bad.status).toBe(400);
  });
});
