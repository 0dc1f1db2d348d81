import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS, deadlineFor, type TimedStep } from '../../core/events/time-limits';
import { CHINA_CALENDAR } from '../../core/time/china-calendar';
import { type EventsWorld, eventsWorld } from './events-fixture';

/** The side branches of the loop and the deadlines each step carries, through the HTTP API. */
describe('grid events: deadlines and side branches', () => {
  let w: EventsWorld;
  beforeAll(async () => {
    w = await eventsWorld();
  }, 180_000);
  afterAll(async () => w?.close());

  /** The due time of a step started between two instants lies between the due times of those instants. */
  const dueBetween = (
    step: TimedStep,
    before: Date,
    after: Date,
    urgency: 'normal' | 'urgent' = 'normal',
  ) => {
    const at = (start: Date) =>
      deadlineFor(
        DEFAULT_TIME_LIMITS,
        CHINA_CALENDAR,
        { category: '11', urgency, step },
        start,
      ).dueAt.getTime();
    return [at(before), at(after)] as const;
  };
  const expectDue = (dueAt: unknown, [low, high]: readonly [number, number]) => {
    const t = new Date(String(dueAt)).getTime();
    expect(t).toBeGreaterThanOrEqual(low);
    expect(t).toBeLessThanOrEqual(high);
  };

  it('starts the clock of each step on the working calendar and records it on the step', async () => {
    const a = w.accounts;
    let before = new Date();
    const reported = await w.report(a.grid);
    expectDue(reported.body.dueAt, dueBetween('accept', before, new Date()));
    const id = reported.body.id as number;
    before = new Date();
    const accepted = await w.act(a.grid, id, 'accept');
    expectDue(accepted.body.dueAt, dueBetween('handle_grid', before, new Date()));
    const steps = accepted.body.steps as { dueAt: string | null }[];
    expect(steps.map((s) => s.dueAt)).toEqual([reported.body.dueAt, accepted.body.dueAt]);
    before = new Date();
    const urgent = await w.report(a.grid, { urgency: 'urgent' });
    expectDue(urgent.body.dueAt, dueBetween('accept', before, new Date(), 'urgent'));
  });

  it('moves the deadline only when an extension is approved; a refused one leaves it', async () => {
    const a = w.accounts;
    const id = (await w.report(a.grid)).body.id as number;
    const accepted = await w.act(a.grid, id, 'accept');
    const due = new Date(String(accepted.body.dueAt));
    const until = new Date(due.getTime() + 3 * 86_400_000).toISOString();
    const asked = await w.act(a.grid, id, 'ask_extension', { reason: '需等待配件', until });
    expect(asked.body).toMatchObject({
      state: 'in_progress',
      dueAt: accepted.body.dueAt,
      extensionUntil: until,
    });
    expect(asked.body.allowedActions).not.toContain('ask_extension');
    const queue = await w.call(a.community, 'GET', '/events/queue?queue=extension_requests&limit=200');
    expect((queue.body.items as { id: number }[]).some((e) => e.id === id)).toBe(true);
    expect((await w.act(a.grid, id, 'approve_extension')).status).toBe(403);
    const approved = await w.act(a.community, id, 'approve_extension');
    expect(approved.body).toMatchObject({ dueAt: until, extensionUntil: null, state: 'in_progress' });

    await w.act(a.grid, id, 'ask_extension', {
      reason: '再延',
      until: new Date(Date.parse(until) + 86_400_000).toISOString(),
    });
    const refused = await w.act(a.community, id, 'refuse_extension', { reason: '不符合延期条件' });
    expect(refused.body).toMatchObject({ dueAt: until, extensionUntil: null });
    const past = await w.act(a.grid, id, 'ask_extension', { reason: '延', until: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.body.field).toBe('until');
  });

  it("lets the lead department ask the district centre for more time, and restarts the department's clock on rework", async () => {
    const a = w.accounts;
    const id = (
      await w.report(a.grid, { urgency: 'emergency', categoryCode: '20.02', title: '危化品运输车辆泄漏' })
    ).body.id as number;
    const dispatched = await w.act(a.centre, id, 'dispatch', { lead: 'transport' });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
    const until = new Date(Date.parse(String(dispatched.body.dueAt)) + 3_600_000).toISOString();
    expect((await w.act(a.transport, id, 'ask_extension', { reason: '需专业队伍', until })).status).toBe(200);
    expect((await w.act(a.street, id, 'approve_extension')).status).toBe(403);
    expect((await w.act(a.centre, id, 'approve_extension')).body).toMatchObject({ dueAt: until });
    await w.act(a.transport, id, 'complete', { note: '已处置' });
    const before = new Date();
    const reworked = await w.act(a.centre, id, 'rework', { reason: '仍有残留' });
    expect(reworked.body).toMatchObject({ state: 'in_progress', level: 'district' });
    expect(reworked.body.assignments).toEqual([
      expect.objectContaining({ departmentCode: 'transport', state: 'working' }),
    ]);
    expect(Date.parse(String(reworked.body.dueAt))).toBeGreaterThanOrEqual(
      before.getTime() + 4 * 3_600_000 - 1000,
    );
    expect((await w.act(a.transport, id, 'complete', { note: '已清理' })).body).toMatchObject({
      state: 'handled',
    });
  });

  it('sends back down the ladder, voids with a reason, merges a duplicate, reworks a poor fix', async () => {
    const a = w.accounts;
    const climb = async (id: number, to: 'community' | 'street') => {
      await w.act(a.grid, id, 'escalate', { reason: '上报' });
      if (to === 'street') await w.act(a.community, id, 'escalate', { reason: '上报' });
    };
    const first = (await w.report(a.grid)).body.id as number;
    await climb(first, 'street');
    const back = await w.act(a.street, first, 'send_back', { reason: '社区可以处理' });
    expect(back.body).toMatchObject({ state: 'reported', level: 'community' });

    const duplicate = (await w.report(a.grid)).body.id as number;
    await climb(duplicate, 'community');
    const merged = await w.act(a.community, duplicate, 'merge', { reason: '同一站台', into: first });
    expect(merged.body).toMatchObject({ state: 'merged', mergedInto: first });
    const self = (await w.report(a.grid)).body.id as number;
    await climb(self, 'community');
    expect((await w.act(a.community, self, 'merge', { reason: 'x', into: self })).body.code).toBe(
      'merge_into_itself',
    );
    const voided = await w.act(a.community, self, 'void', { reason: '重复误报' });
    expect(voided.body).toMatchObject({ state: 'voided', allowedActions: [] });

    await w.act(a.community, first, 'accept');
    await w.act(a.community, first, 'handle', { note: '已处理' });
    const rework = await w.act(a.grid, first, 'rework', { reason: '现场仍有问题' });
    expect(rework.status).toBe(403); // the community handled it at its level, and closes or reworks it
    const reworked = await w.act(a.community, first, 'rework', { reason: '现场仍有问题' });
    expect(reworked.body).toMatchObject({ state: 'in_progress', level: 'community' });
  });

  it('marks an event the grid worker found and closed itself, and never lets the finder rate it', async () => {
    const a = w.accounts;
    const id = (await w.report(a.grid)).body.id as number;
    await w.act(a.grid, id, 'handle', { note: '现场扶正了站牌' });
    expect((await w.act(a.grid, id, 'verify')).status).toBe(403); // not its own on-the-spot work
    await w.act(a.community, id, 'verify');
    const closed = await w.act(a.grid, id, 'close');
    expect(closed.body).toMatchObject({ state: 'closed', closedByFinder: true });
    expect(closed.body.allowedActions).toEqual([]);
    const rated = await w.act(a.community, id, 'rate', { rating: 4 });
    expect(rated.body).toMatchObject({ state: 'rated', rating: 4 });
  });

  it('shelves a long-standing problem at the street and restores it', async () => {
    const a = w.accounts;
    const id = (await w.report(a.grid)).body.id as number;
    await w.act(a.grid, id, 'escalate', { reason: '上报' });
    await w.act(a.community, id, 'escalate', { reason: '上报' });
    const shelved = await w.act(a.street, id, 'shelve', { reason: '需规划调整，列入挂账' });
    expect(shelved.body).toMatchObject({ state: 'shelved', dueAt: null });
    const restored = await w.act(a.street, id, 'restore');
    expect(restored.body).toMatchObject({ state: 'in_progress', level: 'street' });
    expect(restored.body.dueAt).not.toBeNull();
  });
});
