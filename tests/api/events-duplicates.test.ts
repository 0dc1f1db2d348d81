import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Candidate = { event: { id: number; state: string }; distanceM: number; ageHours: number };

/** Metres north of a latitude, in degrees. */
const north = (m: number) => m / 111_195;

/**
 * Duplicates offered when reporting (same category, still being worked, within 50 m and 7 days, in reach),
 * and a merge that keeps both histories and the duplicate's reporter on the target.
 */
describe('grid events: duplicates offered when reporting', () => {
  let w: EventsWorld;
  beforeAll(async () => {
    w = await eventsWorld();
  }, 180_000);
  afterAll(async () => w?.close());

  const offered = async (username: string, category: string, dNorth = 0) => {
    const lat = w.grid.lat + north(dNorth);
    const res = await w.call(
      username,
      'GET',
      `/events/duplicates?category=${category}&lat=${lat}&lng=${w.grid.lng}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Candidate[];
  };
  const ids = (list: Candidate[]) => list.map((c) => c.event.id);

  it('offers open events of the category within 50 m and 7 days, nearest first, with distance and age', async () => {
    const a = w.accounts;
    const near = (await w.report(a.grid, { categoryCode: '07', lat: w.grid.lat + north(30) })).body
      .id as number;
    const here = (await w.report(a.grid, { categoryCode: '07' })).body.id as number;
    const far = (await w.report(a.grid, { categoryCode: '07', lat: w.grid.lat + north(70) })).body
      .id as number;
    const otherCategory = (await w.report(a.grid, { categoryCode: '08' })).body.id as number;
    const list = await offered(a.grid, '07', 5);
    expect(ids(list)).toEqual([here, near]);
    expect(list[0]!.distanceM).toBeCloseTo(5, 0);
    expect(list[1]!.distanceM).toBeCloseTo(25, 0);
    expect(list[0]!.ageHours).toBeLessThan(0.1);
    expect(ids(list)).not.toContain(far);
    expect(ids(list)).not.toContain(otherCategory);
    expect(ids(await offered(a.grid, '07', 55))).toEqual([far, near]);

    // Age: a week and a day old is no longer offered; six days old is.
    await w.db.query(`UPDATE events SET created_at = now() - interval '8 days' WHERE id = $1`, [near]);
    await w.db.query(`UPDATE events SET created_at = now() - interval '6 days' WHERE id = $1`, [here]);
    const aged = await offered(a.grid, '07');
    expect(ids(aged)).toEqual([here]);
    expect(aged[0]!.ageHours).toBeCloseTo(144, 0);
  });

  it('does not offer ended or closed events, nor events out of the caller’s reach', async () => {
    const a = w.accounts;
    const voided = (await w.report(a.community, { categoryCode: '09' })).body.id as number;
    expect((await w.act(a.community, voided, 'void', { reason: '误报' })).status).toBe(200);
    const closed = (await w.report(a.grid, { categoryCode: '09' })).body.id as number;
    await w.db.query(`UPDATE events SET state = 'closed' WHERE id = $1`, [closed]);
    const open = (await w.report(a.grid, { categoryCode: '09' })).body.id as number;
    expect(ids(await offered(a.grid, '09'))).toEqual([open]);
    expect(ids(await offered(a.centre, '09'))).toEqual([open]);
    expect(ids(await offered(a.community, '09'))).toEqual([open]);
    expect(await offered(a.otherGrid, '09')).toEqual([]);
    expect((await w.call(a.transport, 'GET', `/events/duplicates?category=09&lat=1&lng=1`)).status).toBe(403);
    const bad = await w.call(a.grid, 'GET', '/events/duplicates?category=x&lat=1&lng=1');
    expect(bad.status).toBe(400);
  });

  it('merges a duplicate keeping both histories, the duplicate’s reporter on the target, counted once', async () => {
    const a = w.accounts;
    const first = (await w.report(a.grid, { categoryCode: '10' })).body.id as number;
    const second = (
      await w.report(a.community, { categoryCode: '10', lat: w.grid.lat + north(10), reporterName: '王阿姨' })
    ).body.id as number;
    expect(ids(await offered(a.community, '10'))).toEqual([first, second]);
    const merged = await w.act(a.community, second, 'merge', { reason: '同一问题', into: first });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(ids(await offered(a.community, '10'))).toEqual([first]);

    const target = await w.call(a.community, 'GET', `/events/${first}`);
    expect(target.body.mergedEvents).toEqual([
      expect.objectContaining({
        id: second,
        number: merged.body.number,
        reporter: expect.objectContaining({ name: '王阿姨' }),
        mergedBy: expect.any(String),
      }),
    ]);
    expect((target.body.steps as { action: string }[]).map((s) => s.action)).toEqual(['report']);
    const duplicate = await w.call(a.community, 'GET', `/events/${second}`);
    expect((duplicate.body.steps as { action: string }[]).map((s) => s.action)).toEqual(['report', 'merge']);
    expect(duplicate.body).toMatchObject({ state: 'merged', mergedInto: first });

    // Counted once: the merged duplicate is in no to-do count and not among the registered.
    const queued = async (username: string) =>
      ((await w.call(username, 'GET', '/events/queue?limit=200')).body.items as { id: number }[]).map(
        (e) => e.id,
      );
    expect(await queued(a.grid)).toContain(first);
    expect(await queued(a.community)).not.toContain(second);
  });
});
