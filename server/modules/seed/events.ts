// The demo's three years of grid events (网格事件), after the registry and the demo accounts: every event with
// its full history through the loop, its departments' assignments and its deadlines, generated to the targets
// of events/targets.ts as docs/evaluation.md counts them, and loaded with COPY.
import { DEFAULT_TIME_LIMITS } from '../../../core/events/time-limits';
import { CHINA_CALENDAR } from '../../../core/time/china-calendar';
import type { Database } from '../../db/client';
import { CopyLoader } from './copy-loader';
import { deferIndexes } from './deferred-indexes';
import { generateDistrict } from './events/generate';
import {
  ASSIGNMENT_COLUMNS,
  assignmentRows,
  EVENT_COLUMNS,
  eventRows,
  numberDrafts,
  STEP_COLUMNS,
  stepRows,
} from './events/rows';
import { EVENT_TARGETS, HISTORY_END } from './events/targets';
import type { Timing } from './events/timing';
import { loadWorlds } from './events/world';
import { buildAreaTrees } from './geometry';
import { SCALES, type ScaleName } from './scales';

export const EVENT_TABLES = ['events', 'event_steps', 'event_assignments'] as const;

export interface EventHistoryCounts {
  events: number;
  event_steps: number;
  event_assignments: number;
}

/**
 * Loads the event history of every district of the scale into a database holding its registry and demo
 * accounts (and no events). The tables' secondary indexes and foreign keys are dropped for the load and
 * rebuilt after it, recorded in seed_state so that a killed load is put back (recover.ts); the identity
 * sequences and events_number_seq continue after the loaded rows, so that new reports work after.
 */
export async function loadEventHistory(
  db: Database,
  options: { scale: ScaleName; seed: number; onProgress?: (rows: number, label: string) => void },
): Promise<EventHistoryCounts> {
  const trees = buildAreaTrees(SCALES[options.scale], options.seed);
  const worlds = await loadWorlds(db, trees);
  const timing: Timing = {
    calendar: CHINA_CALENDAR,
    limits: DEFAULT_TIME_LIMITS,
    end: HISTORY_END,
    lateShare: 0.04,
  };
  const counts: EventHistoryCounts = { events: 0, event_steps: 0, event_assignments: 0 };
  const ids = { step: 0, assignment: 0 };
  const deferred = await deferIndexes(db, EVENT_TABLES);
  const loader = new CopyLoader(db, null, (rows, table) => options.onProgress?.(rows, table));
  try {
    for (const world of worlds) {
      const drafts = generateDistrict(world, EVENT_TARGETS[options.scale], options.seed, timing);
      numberDrafts(drafts, counts.events + 1, counts.events + 1);
      counts.events += await loader.load({
        table: 'events',
        columns: EVENT_COLUMNS,
        rows: eventRows(world, drafts),
      });
      counts.event_steps += await loader.load({
        table: 'event_steps',
        columns: STEP_COLUMNS,
        rows: stepRows(drafts, ids),
      });
      counts.event_assignments += await loader.load({
        table: 'event_assignments',
        columns: ASSIGNMENT_COLUMNS,
        rows: assignmentRows(world, drafts, ids),
      });
    }
    await loader.drain();
    await deferred.restoreAll();
  } catch (error) {
    await loader.drain().catch(() => undefined);
    await deferred.restoreAll({ validate: false }).catch(() => undefined);
    throw error;
  }
  await db.script(
    [
      `SELECT setval(pg_get_serial_sequence('events', 'id'), ${Math.max(1, counts.events)}, ${counts.events > 0});`,
      `SELECT setval('events_number_seq', ${Math.max(1, counts.events)}, ${counts.events > 0});`,
      `SELECT setval(pg_get_serial_sequence('event_steps', 'id'), ${Math.max(1, ids.step)}, ${ids.step > 0});`,
      `SELECT setval(pg_get_serial_sequence('event_assignments', 'id'), ${Math.max(1, ids.assignment)}, ${ids.assignment > 0});`,
    ].join('\n'),
  );
  return counts;
}
