import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

/**
 * The worked example, end to end through the HTTP API as the demo's real roles: a grid worker reports a badly
 * placed bus stop; it climbs grid → community → street → district centre, which dispatches it to the transport
 * bureau as lead with construction, agriculture & landscaping and the traffic police co-operating; each feeds
 * back, the lead reports it done, the grid worker verifies on site, the centre closes and records the rating.
 */
describe('grid events: the bus stop, end to end', () => {
  let w: EventsWorld;
  beforeAll(async () => {
    w = await eventsWorld();
  }, 180_000);
  afterAll(async () => w?.close());

  it('runs the closed loop, each step by the one whose step it is, with its history and allowed actions', {
    timeout: 90_000,
  }, async () => {
    const a = w.accounts;
    const reported = await w.report(a.grid, { addressText: '金碧大道公交站' });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const id = reported.body.id as number;
    expect(reported.body).toMatchObject({
      state: 'reported',
      level: 'grid',
      gridId: w.grid.grid_id,
      version: 1,
    });
    expect(reported.body.number).toMatch(/^HP-\d{4}-\d{6}$/);
    expect(reported.body.allowedActions).toEqual(['accept', 'handle', 'escalate']);

    const steps: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        a.grid,
        'escalate',
        { reason: '涉及公交站改造，网格无法处置' },
        { level: 'community', state: 'reported' },
      ],
      [a.community, 'escalate', { reason: '需街道协调' }, { level: 'street', state: 'reported' }],
      [a.street, 'escalate', { reason: '涉及多个区级部门' }, { level: 'district', state: 'reported' }],
      [
        a.centre,
        'dispatch',
        { lead: 'transport', cooperating: ['construction', 'agriculture_landscaping', 'traffic_police'] },
        { level: 'district', state: 'in_progress' },
      ],
      [a.construction, 'feedback', { note: '站台基础已改造' }, { state: 'in_progress' }],
      [a.landscaping, 'feedback', { note: '花坛已移栽' }, { state: 'in_progress' }],
      [a.trafficPolice, 'feedback', { note: '标线已调整' }, { state: 'in_progress' }],
      [a.transport, 'complete', { note: '站台已迁移，乘客可直接上车' }, { state: 'handled' }],
      [a.grid, 'verify', {}, { state: 'verified' }],
      [a.centre, 'close', {}, { state: 'closed' }],
      [a.centre, 'rate', { rating: 5 }, { state: 'rated', rating: 5 }],
    ];
    for (const [who, action, body, want] of steps) {
      const res = await w.act(who, id, action, body);
      expect(res.status, `${who} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body, `${who} ${action}`).toMatchObject(want);
    }

    const page = await w.call(a.centre, 'GET', `/events/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.version).toBe(steps.length + 1);
    expect(page.body.allowedActions).toEqual([]);
    const history = page.body.steps as Record<string, unknown>[];
    expect(history.map((s) => s.action)).toEqual(['report', ...steps.map(([, action]) => action)]);
    expect(history.every((s) => typeof s.actorName === 'string' && s.actorName.length > 0)).toBe(true);
    expect(history[0]).toMatchObject({ fromState: null, toState: 'reported', level: 'grid' });
    expect(history[4]).toMatchObject({ action: 'dispatch', department: expect.any(String) });
    expect(page.body.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentCode: 'transport', role: 'lead', state: 'done' }),
        expect.objectContaining({
          departmentCode: 'construction',
          role: 'cooperating',
          state: 'fed_back',
          feedback: '站台基础已改造',
        }),
        expect.objectContaining({ departmentCode: 'traffic_police', role: 'cooperating', state: 'fed_back' }),
      ]),
    );
    expect(page.body.closedByFinder).toBe(false);

    // Every step wrote one outbox row and one audit row, in the same transactions.
    const fp = await w.footprint(id);
    expect(fp).toMatchObject({
      steps: steps.length + 1,
      outbox: steps.length + 1,
      audit: steps.length + 1,
      assignments: 4,
    });

    // The change feed hands out every step of the event once, in order, and an empty page keeps the cursor.
    // Steps of a transaction newer than one still running anywhere on the server wait for it (no gaps), so
    // while another test file seeds its database the tail may come a little later: poll for it.
    let cursor: string | undefined;
    const seen: string[] = [];
    const wanted = history.length;
    for (const until = Date.now() + 60_000; seen.length < wanted && Date.now() < until; ) {
      const feed = await w.call(
        a.centre,
        'GET',
        `/events/changes?limit=5${cursor ? `&since=${cursor}` : ''}`,
      );
      expect(feed.status).toBe(200);
      const items = feed.body.items as { eventId: number; action: string }[];
      seen.push(...items.filter((s) => s.eventId === id).map((s) => s.action));
      if (items.length === 0) {
        expect(feed.body.nextCursor).toBe(cursor ?? null);
        await new Promise((r) => setTimeout(r, 200));
      } else cursor = feed.body.nextCursor as string;
    }
    expect(seen).toEqual(history.map((s) => s.action));
  });

  it("puts each step in the right person's queue, with counts", async () => {
    const a = w.accounts;
    const id = (await w.report(a.grid, { title: '井盖缺失' })).body.id as number;
    const inQueue = async (who: string, queue: string) => {
      const res = await w.call(who, 'GET', `/events/queue?queue=${queue}&limit=200`);
      expect(res.status).toBe(200);
      const items = res.body.items as { id: number }[];
      const counts = res.body.counts as Record<string, { total: number }>;
      expect(counts[queue]!.total).toBeGreaterThanOrEqual(items.length);
      return items.some((e) => e.id === id);
    };
    expect(await inQueue(a.grid, 'triage')).toBe(true);
    expect(await inQueue(a.community, 'triage')).toBe(false);
    await w.act(a.grid, id, 'escalate', { reason: '需社区处置' });
    expect(await inQueue(a.grid, 'triage')).toBe(false);
    expect(await inQueue(a.community, 'triage')).toBe(true);
    await w.act(a.community, id, 'accept');
    expect(await inQueue(a.community, 'in_hand')).toBe(true);
    await w.act(a.community, id, 'handle', { note: '已补装井盖' });
    expect(await inQueue(a.grid, 'verification')).toBe(true);
    expect(await inQueue(a.community, 'verification')).toBe(true);
    await w.act(a.grid, id, 'verify');
    expect(await inQueue(a.community, 'closing')).toBe(true);
    expect(await inQueue(a.centre, 'closing')).toBe(false);
  });
});
