import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsWorld, eventsWorld } from './events-fixture';

const LEVELS = ['grid', 'community', 'street', 'district'] as const;
const OPEN = ['reported', 'in_progress', 'handled', 'verified', 'closed', 'shelved'] as const;

/**
 * The record-level policy leaves no open event stuck: for every state an event can be in, at every level, sensitive
 * or not, somebody among the accounts around its grid may take an action now (the loop's table alone cannot show
 * this). Events are put in each configuration directly in the database, then read through the API.
 */
describe('grid events: no open event without someone who may act on it', () => {
  let w: EventsWorld;
  let template: number;
  beforeAll(async () => {
    w = await eventsWorld();
    template = (await w.report(w.accounts.grid)).body.id as number;
  }, 180_000);
  afterAll(async () => w?.close());

  async function place(level: string, state: string, sensitive: boolean, i: number) {
    const [row] = await w.db.query<{ id: number }>(
      `INSERT INTO events
       SELECT (jsonb_populate_record(NULL::events, to_jsonb(e) || jsonb_build_object(
         'id', nextval(pg_get_serial_sequence('events', 'id')), 'number', e.number || '-' || $2::text,
         'level', $3::text, 'state', $4::text, 'sensitive', $5::boolean))).*
         FROM events e WHERE e.id = $1 RETURNING id`,
      [template, i, level, state, sensitive],
    );
    const id = row!.id;
    if (level === 'district' && state !== 'reported')
      await w.db.query(
        `INSERT INTO event_assignments (event_id, department_id, role, state)
         SELECT $1, id, 'lead', $2 FROM departments WHERE code = 'transport'`,
        [id, state === 'in_progress' ? 'working' : 'done'],
      );
    return id;
  }

  const cases = LEVELS.flatMap((level) =>
    OPEN.filter((state) => state !== 'shelved' || level === 'street' || level === 'district').flatMap(
      (state) => [false, true].map((sensitive) => [level, state, sensitive] as const),
    ),
  );

  it.each(cases)('at %s level, %s, sensitive %s', async (level, state, sensitive) => {
    const id = await place(
      level,
      state,
      sensitive,
      cases.findIndex((c) => c[0] === level && c[1] === state && c[2] === sensitive),
    );
    const a = w.accounts;
    const who = [a.grid, a.community, a.street, a.centre, a.transport];
    const offered: Record<string, unknown> = {};
    for (const username of who) {
      const res = await w.call(username, 'GET', `/events/${id}`);
      if (res.status === 200 && (res.body.allowedActions as string[]).length > 0)
        offered[username] = res.body.allowedActions;
    }
    expect(Object.keys(offered).length, `${level} ${state} sensitive=${sensitive}`).toBeGreaterThan(0);
  });
});
