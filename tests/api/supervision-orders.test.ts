import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../server/modules/jobs';
import { SUPERVISION_NOTIFICATIONS } from '../../server/modules/notifications';
import { sweepDeadlines } from '../../server/modules/supervision';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Json = Record<string, unknown>;

/**
 * Supervision orders through the HTTP app as the demo's real accounts: a street centre chases a grid's step,
 * the grid worker answers, the street sends the answer back and then accepts it; refusals (out of reach,
 * stale version, wrong state, not one's step) write nothing; messages reach the responsible and the issuer.
 */
describe('supervision orders', () => {
  let w: EventsWorld;
  let eventId: number;
  let order: Json;
  const relay = () => relayOutbox(w.db, SUPERVISION_NOTIFICATIONS);
  const footprint = async (id: number) =>
    (
      await w.db.query<Json>(
        `SELECT (SELECT row_to_json(o)::text FROM supervision_orders o WHERE id = $1) AS row,
                (SELECT count(*)::int FROM outbox WHERE topic LIKE 'supervision.%' AND record_id = $1) AS outbox,
                (SELECT count(*)::int FROM audit_log WHERE object_type = 'supervision_order'
                   AND object_id = $1::text) AS audit`,
        [id],
      )
    )[0]!;
  const act = (username: string, action: string, body: Json) =>
    w.call(username, 'POST', `/supervision-orders/${order.id}/${action}`, body);
  const supervisionMessages = async (username: string) =>
    ((await w.call(username, 'GET', '/notifications?limit=100')).body.items as Json[]).filter(
      (m) => m.kind === 'supervision' && m.recordId === eventId,
    );

  beforeAll(async () => {
    w = await eventsWorld();
    const res = await w.report(w.accounts.grid, { title: '督办：台阶破损' });
    eventId = res.body.id as number;
  }, 180_000);
  afterAll(async () => w?.close());

  it('is issued by hand by the street centre to the grid, once', async () => {
    const a = w.accounts;
    expect((await w.call(a.grid, 'POST', '/supervision-orders', { eventId, reason: 'x' })).status).toBe(403);
    const issued = await w.call(a.street, 'POST', '/supervision-orders', { eventId, reason: '群众反映强烈' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    order = issued.body;
    expect(order).toMatchObject({
      eventId,
      step: 'accept',
      responsibleLevel: 'grid',
      responsibleAreaId: w.grid.grid_id,
      state: 'issued',
      reason: '群众反映强烈',
      version: 1,
      overdue: false,
      allowedActions: [],
    });
    const again = await w.call(a.centre, 'POST', '/supervision-orders', { eventId, reason: '再次督办' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_supervised');
    const blank = await w.call(a.street, 'POST', '/supervision-orders', { eventId, reason: '   ' });
    expect(blank.status).toBe(400);
    const missing = await w.call(a.street, 'POST', '/supervision-orders', {
      eventId: 2147483647,
      reason: 'x',
    });
    expect(missing.status).toBe(404);
  });

  it('is in the grid worker’s list to answer and out of other people’s reach', async () => {
    const a = w.accounts;
    const mine = await w.call(a.grid, 'GET', '/supervision-orders?box=to_answer&state=issued');
    expect(mine.status).toBe(200);
    const item = (mine.body.items as Json[]).find((i) => i.id === order.id);
    expect(item?.allowedActions).toEqual(['answer']);
    const issuedByMe = await w.call(a.street, 'GET', '/supervision-orders?box=issued');
    expect((issuedByMe.body.items as Json[]).map((i) => i.id)).toContain(order.id);
    for (const outsider of [a.otherGrid, a.community, a.transport]) {
      expect((await w.call(outsider, 'GET', `/supervision-orders/${order.id}`)).status, outsider).toBe(404);
    }
    expect((await w.call(a.centre, 'GET', `/supervision-orders/${order.id}`)).body.allowedActions).toEqual(
      [],
    );
  });

  it('refuses a stale version, the wrong state and someone else’s step, writing nothing', async () => {
    const a = w.accounts;
    const before = await footprint(order.id as number);
    const stale = await act(a.grid, 'answer', {
      version: 9,
      answer: '已处理',
      finishBy: '2030-01-01T00:00:00Z',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      state: 'issued',
      allowedActions: ['answer'],
    });
    const early = await act(a.street, 'close', { version: 1 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'not_allowed_now', state: 'issued', version: 1 });
    const notMine = await act(a.street, 'answer', {
      version: 1,
      answer: '代答',
      finishBy: '2030-01-01T00:00:00Z',
    });
    expect(notMine.status).toBe(403);
    expect(
      (await act(a.otherGrid, 'answer', { version: 1, answer: 'x', finishBy: '2030-01-01T00:00:00Z' }))
        .status,
    ).toBe(404);
    expect((await act(a.grid, 'answer', { version: 1, answer: 'x', finishBy: 'soon' })).status).toBe(400);
    const blankAnswer = { version: 1, answer: '  ', finishBy: '2030-01-01T00:00:00Z' };
    expect((await act(a.grid, 'answer', blankAnswer)).status).toBe(400);
    const past = { version: 1, answer: '已处理', finishBy: '2020-01-01T00:00:00Z' };
    expect((await act(a.grid, 'answer', past)).status).toBe(400);
    expect(await footprint(order.id as number)).toEqual(before);
  });

  it('is answered, sent back, answered again and closed, with a message at each step', async () => {
    const a = w.accounts;
    await relay();
    expect(await supervisionMessages(a.grid)).toHaveLength(1);
    const answered = await act(a.grid, 'answer', {
      version: 1,
      answer: '已联系物业',
      finishBy: '2030-01-01T00:00:00Z',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ state: 'answered', version: 2, answer: '已联系物业' });
    await relay();
    expect((await supervisionMessages(a.street)).map((m) => (m.details as Json).action)).toEqual([
      'answered',
    ]);

    expect((await act(a.street, 'send_back', { version: 2, reason: ' ' })).status).toBe(400);
    const back = await act(a.street, 'send_back', { version: 2, reason: '未说明完成时间依据' });
    expect(back.body).toMatchObject({ state: 'issued', version: 3, sentBackReason: '未说明完成时间依据' });
    await act(a.grid, 'answer', { version: 3, answer: '物业已排期', finishBy: '2030-01-01T00:00:00Z' });
    const closed = await act(a.street, 'close', { version: 4 });
    expect(closed.body).toMatchObject({ state: 'closed', closeReason: 'accepted', allowedActions: [] });
    expect((await act(a.street, 'close', { version: 5 })).body).toMatchObject({
      code: 'not_allowed_now',
      allowedActions: [],
    });
    await relay();
    const told = (await supervisionMessages(a.grid)).map((m) => (m.details as Json).action).sort();
    expect(told).toEqual(['closed', 'issued', 'send_back']);
    const [audit] = await w.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_type = 'supervision_order' AND object_id = $1::text`,
      [String(order.id)],
    );
    expect(audit!.n).toBe(5);
  });

  it('tells a department leading the event of the sweep’s order on its overdue step', async () => {
    const a = w.accounts;
    const res = await w.report(a.grid, { title: '督办：部门超期' });
    const id = res.body.id as number;
    for (const [who, action, body] of [
      [a.grid, 'escalate', { reason: '上报社区' }],
      [a.community, 'escalate', { reason: '上报街道' }],
      [a.street, 'escalate', { reason: '上报区' }],
      [a.centre, 'dispatch', { lead: 'transport', cooperating: [] }],
    ] as const) {
      const r = await w.act(who, id, action, body as Json);
      expect(r.status, `${action} ${JSON.stringify(r.body)}`).toBe(200);
    }
    await w.db.query(
      `UPDATE events SET due_at = now() - interval '1 hour', warn_at = now() - interval '2 hours' WHERE id = $1`,
      [id],
    );
    await sweepDeadlines(w.db, new Date());
    await relay();
    const list = await w.call(a.transport, 'GET', '/supervision-orders?box=to_answer');
    const mine = (list.body.items as Json[]).find((i) => i.eventId === id);
    expect(mine).toMatchObject({
      step: 'department_handle',
      departmentName: expect.any(String),
      allowedActions: ['answer'],
    });
    const messages = (
      (await w.call(a.transport, 'GET', '/notifications?limit=100')).body.items as Json[]
    ).filter((m) => m.recordId === id && m.kind === 'supervision');
    expect(messages).toHaveLength(1);
  });
});
