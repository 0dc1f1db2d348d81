import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayOutbox } from '../../server/modules/jobs';
import { EVENT_NOTIFICATIONS } from '../../server/modules/notifications';
import { type EventsWorld, eventsWorld } from './events-fixture';

type Item = Record<string, unknown> & {
  id: number;
  kind: string;
  recordId: number;
  details: Record<string, unknown>;
};

/**
 * The message centre through the HTTP app as the demo's real accounts: the events loop writes outbox rows, the
 * relay turns them into messages for the people responsible now, and each account reads and marks only its own.
 */
describe('message centre', () => {
  let w: EventsWorld;
  const relay = () => relayOutbox(w.db, EVENT_NOTIFICATIONS);
  const inbox = async (username: string, query = '') => {
    const res = await w.call(username, 'GET', `/notifications${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Item[]; nextCursor: string | null };
  };
  const about = async (username: string, eventId: number) =>
    (await inbox(username, '?limit=100')).items.filter((i) => i.recordId === eventId);
  const unread = async (username: string) =>
    (await w.call(username, 'GET', '/notifications/unread-count')).body.unread as number;

  beforeAll(async () => {
    w = await eventsWorld();
  }, 180_000);
  afterAll(async () => w?.close());

  it('tells the people responsible at each step, never the one who took it, never a disabled account', async () => {
    const a = w.accounts;
    const reported = await w.report(a.grid, { title: '消息中心：公交站台' });
    const id = reported.body.id as number;
    await relay();
    expect(await about(a.grid, id), 'the reporter is not told of its own report').toEqual([]);

    await w.act(a.grid, id, 'escalate', { reason: '需社区协调' });
    await relay();
    const [toCommunity] = await about(a.community, id);
    expect(toCommunity).toMatchObject({
      kind: 'assignment',
      title: '消息中心：公交站台',
      link: `/events/${id}`,
      recordType: 'event',
      body: '需社区协调',
      readAt: null,
      details: { number: reported.body.number, level: 'community', action: 'escalate' },
    });

    await w.act(a.community, id, 'escalate', { reason: '需街道协调' });
    await w.act(a.street, id, 'escalate', { reason: '涉及区级部门' });
    // Two more construction staff, one disabled before the relay runs: every active one hears, the disabled not.
    const extra = await w.db.query<{ id: number; disabled: boolean }>(
      `INSERT INTO accounts (username, display_name, password_hash, role, department_id, disabled_at)
       SELECT u, u, 'not-a-hash', 'department_staff', a.department_id, CASE WHEN u LIKE '%off' THEN now() END
         FROM accounts a, unnest(ARRAY['notify.construction.on', 'notify.construction.off']) u
        WHERE a.username = $1
       RETURNING id, disabled_at IS NOT NULL AS disabled`,
      [a.construction],
    );
    expect(extra).toHaveLength(2);
    await w.act(a.centre, id, 'dispatch', { lead: 'transport', cooperating: ['construction'] });
    await relay();
    const centreHeard = await about(a.centre, id);
    expect(centreHeard.map((i) => i.details.action)).toEqual(['escalate']);
    expect((await about(a.transport, id)).map((i) => i.details)).toEqual([
      expect.objectContaining({ action: 'dispatch', role: 'lead', lead: 'transport' }),
    ]);
    expect((await about(a.construction, id)).map((i) => i.details.role)).toEqual(['cooperating']);
    expect((await about(a.health, id)).length, 'a department not dispatched to').toBe(0);
    for (const account of extra) {
      const rows = await w.db.query('SELECT 1 FROM notifications WHERE account_id = $1 AND record_id = $2', [
        account.id,
        id,
      ]);
      expect(rows, account.disabled ? 'disabled account' : 'active account').toHaveLength(
        account.disabled ? 0 : 1,
      );
    }

    // Not ours: the district centre hears why; then the centre sends it back down to the street.
    await w.act(a.transport, id, 'refuse', { reason: '站台属建设局管养' });
    await relay();
    expect((await about(a.centre, id))[0]).toMatchObject({
      kind: 'refusal',
      body: '站台属建设局管养',
      details: { department: 'transport' },
    });
    await w.act(a.centre, id, 'send_back', { reason: '请街道先行协调' });
    await relay();
    expect((await about(a.street, id))[0]).toMatchObject({
      kind: 'send_back',
      body: '请街道先行协调',
      details: { level: 'street' },
    });

    // Relaying again adds nothing: every row is processed once.
    const before = await w.db.query('SELECT id FROM notifications WHERE record_id = $1', [id]);
    expect(await relay()).toEqual({ processed: 0, failed: 0, parked: 0 });
    expect(await w.db.query('SELECT id FROM notifications WHERE record_id = $1', [id])).toHaveLength(
      before.length,
    );
  });

  it('sends a rework back to the lead department, and tells the reporter and the lead department the rating', async () => {
    const a = w.accounts;
    const id = (await w.report(a.grid, { title: '消息中心：评价' })).body.id as number;
    for (const [who, action, body] of [
      [a.grid, 'escalate', { reason: '上报' }],
      [a.community, 'escalate', { reason: '上报' }],
      [a.street, 'escalate', { reason: '上报' }],
      [a.centre, 'dispatch', { lead: 'transport' }],
      [a.transport, 'complete', { note: '已办结' }],
      [a.centre, 'rework', { reason: '站台仍有台阶' }],
      [a.transport, 'complete', { note: '台阶已拆除' }],
      [a.grid, 'verify', {}],
      [a.centre, 'close', {}],
      [a.centre, 'rate', { rating: 4 }],
    ] as const) {
      const res = await w.act(who, id, action, body);
      expect(res.status, `${who} ${action} ${JSON.stringify(res.body)}`).toBe(200);
    }
    await relay();
    expect((await about(a.transport, id)).find((i) => i.details.action === 'rework')).toMatchObject({
      kind: 'assignment',
      body: '站台仍有台阶',
    });
    for (const who of [a.grid, a.transport]) {
      const rating = (await about(who, id)).find((i) => i.kind === 'rating');
      expect(rating, who).toMatchObject({ details: { rating: 4 } });
    }
  });

  it('shows each account only its own messages: list, unread count, read, read-all; another’s is 404', async () => {
    const a = w.accounts;
    const mine = await inbox(a.community);
    expect(mine.items.length).toBeGreaterThan(0);
    const ownIds = (
      await w.db.query<{ id: number }>(
        `SELECT n.id FROM notifications n JOIN accounts ac ON ac.id = n.account_id WHERE ac.username = $1`,
        [a.community],
      )
    ).map((r) => Number(r.id));
    expect(mine.items.every((i) => ownIds.includes(i.id))).toBe(true);
    // Newest first.
    expect(mine.items.map((i) => i.id)).toEqual([...mine.items.map((i) => i.id)].sort((x, y) => y - x));

    const count = await unread(a.community);
    expect(count).toBe(ownIds.length);
    const target = mine.items[0]!;
    // Someone else's message: 404, and it stays unread.
    const foreign = await w.call(a.street, 'POST', `/notifications/${target.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
    expect(await unread(a.community)).toBe(count);

    const read = await w.call(a.community, 'POST', `/notifications/${target.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await w.call(a.community, 'POST', `/notifications/${target.id}/read`);
    expect(again.body.readAt, 'the first reading stays').toBe(read.body.readAt);
    expect(await unread(a.community)).toBe(count - 1);
    expect((await inbox(a.community, '?unread=true')).items.map((i) => i.id)).not.toContain(target.id);

    const streetBefore = await unread(a.street);
    const all = await w.call(a.community, 'POST', '/notifications/read-all');
    expect(all.body).toEqual({ marked: count - 1, unread: 0 });
    expect(await unread(a.community)).toBe(0);
    expect(await unread(a.street), 'another account’s messages stay unread').toBe(streetBefore);
  });

  it('pages newest first with a cursor that opens only on its own list', async () => {
    const a = w.accounts;
    const first = await inbox(a.centre, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await inbox(a.centre, `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
    const stolen = await w.call(
      a.street,
      'GET',
      `/notifications?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(stolen.status).toBe(400);
    expect(stolen.body.code).toBe('invalid_cursor');
    const bad = await w.call(a.centre, 'POST', '/notifications/0/read');
    expect(bad.status).toBe(400);
  });
});
