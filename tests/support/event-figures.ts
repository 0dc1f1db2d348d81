import type { Database } from '../../server/db/client';

/**
 * The event figures of docs/evaluation.md, in SQL written from its definitions, over the events reported in the
 * demo history's three years (CST report dates 2023-11-28 … 2026-11-27) as they stand now. Used by the demo
 * history's test and by the seed bench, never by the generator.
 */
const FIGURES = `
WITH cohort AS (
  SELECT e.*, e.category_code < '51' AS problem
    FROM events e JOIN event_steps r ON r.event_id = e.id AND r.action = 'report'
   WHERE ((r.at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN '2023-11-28' AND '2026-11-27'
),
taken AS (SELECT DISTINCT event_id FROM event_steps WHERE action IN ('accept', 'handle', 'dispatch')),
closing AS (
  SELECT DISTINCT ON (event_id) event_id, level FROM event_steps WHERE action = 'close' ORDER BY event_id, id DESC
),
registered AS (
  SELECT c.*, c.state IN ('closed', 'rated') AS closed, cl.level AS close_level
    FROM cohort c LEFT JOIN closing cl ON cl.event_id = c.id
   WHERE c.problem AND c.state NOT IN ('voided', 'merged') AND c.id IN (SELECT event_id FROM taken)
),
by_category AS (
  SELECT code, count(*) AS registered, count(*) FILTER (WHERE closed) AS closed
    FROM registered r,
         LATERAL (SELECT DISTINCT unnest(ARRAY[r.category_code, split_part(r.category_code, '.', 1)]) AS code) c
   GROUP BY code
),
-- Each row ends the clocked step its previous row started (or kept running), unless it leaves the state as it was.
ends AS (
  SELECT * FROM (
    SELECT event_id, action, at, lag(due_at) OVER w AS due, lag(to_state) OVER w AS from_state
      FROM event_steps WINDOW w AS (PARTITION BY event_id ORDER BY id)
  ) s
   WHERE action NOT IN ('report', 'feedback', 'ask_extension', 'approve_extension', 'refuse_extension')
     AND event_id IN (SELECT id FROM registered)
),
late_before_close AS (
  SELECT DISTINCT e.event_id FROM ends e JOIN registered r ON r.id = e.event_id
   WHERE r.closed AND e.due IS NOT NULL AND e.at > e.due AND e.action <> 'rate'
),
handling AS (SELECT count(*) AS ended, count(*) FILTER (WHERE due IS NULL OR at <= due) AS on_time
               FROM ends WHERE from_state = 'in_progress'),
services AS (SELECT * FROM cohort WHERE NOT problem AND state <> 'merged'),
steps_of AS (SELECT action, count(DISTINCT event_id) AS events, count(*) AS steps FROM event_steps GROUP BY action)
SELECT
  (SELECT count(*) FROM registered)::int AS registered,
  (SELECT count(*) FROM registered WHERE closed)::int AS closed,
  (SELECT count(*) FROM registered WHERE closed AND close_level IN ('grid', 'community', 'street'))::int AS resolved_locally,
  (SELECT count(*) FROM registered WHERE state = 'shelved')::int AS shelved,
  (SELECT registered FROM by_category WHERE code = '16')::int AS unlicensed_registered,
  (SELECT closed FROM by_category WHERE code = '16')::int AS unlicensed_closed,
  (SELECT code FROM by_category ORDER BY closed::numeric / registered, code LIMIT 1) AS lowest_closing_category,
  (SELECT count(*) FROM services)::int AS services_received,
  (SELECT count(*) FROM services WHERE state IN ('closed', 'rated'))::int AS services_completed,
  (SELECT count(*) FROM services WHERE state = 'voided')::int AS services_refused,
  (SELECT count(*) FROM registered c JOIN event_steps r ON r.event_id = c.id AND r.action = 'report'
    WHERE c.category_code = '17'
      AND ((r.at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN '2025-09-01' AND '2026-02-27')::int
    AS after_school_care_in_half_year,
  (SELECT count(*) FROM cohort WHERE problem AND state = 'voided')::int AS voided,
  (SELECT count(*) FROM cohort WHERE problem AND state = 'merged')::int AS merged,
  (SELECT count(*) FROM cohort WHERE problem AND state NOT IN ('voided', 'merged')
      AND id NOT IN (SELECT event_id FROM taken))::int AS pending_acceptance,
  (SELECT count(*) FROM registered WHERE urgency = 'emergency')::int AS emergencies,
  (SELECT count(*) FROM registered WHERE state = 'rated')::int AS rated,
  (SELECT count(*) FROM registered WHERE closed_by_finder)::int AS closed_by_finder,
  COALESCE((SELECT events FROM steps_of WHERE action = 'escalate'), 0)::int AS escalated,
  COALESCE((SELECT events FROM steps_of WHERE action = 'send_back'), 0)::int AS sent_back,
  COALESCE((SELECT events FROM steps_of WHERE action = 'rework'), 0)::int AS reworked,
  COALESCE((SELECT steps FROM steps_of WHERE action = 'approve_extension'), 0)::int AS extensions_approved,
  COALESCE((SELECT steps FROM steps_of WHERE action = 'refuse_extension'), 0)::int AS extensions_refused,
  (SELECT count(*) FROM event_assignments WHERE state = 'refused')::int AS refused_assignments,
  (SELECT 100.0 * count(*) FILTER (WHERE state = 'refused') / nullif(count(*), 0) FROM event_assignments)::float8
    AS refusal_rate,
  (SELECT 100.0 * count(*) FILTER (WHERE id NOT IN (SELECT event_id FROM late_before_close)) / nullif(count(*), 0)
     FROM registered WHERE closed)::float8 AS on_time_closure_rate,
  (SELECT 100.0 * on_time / nullif(ended, 0) FROM handling)::float8 AS on_time_handling_rate,
  (SELECT 100.0 * count(*) FILTER (WHERE id IN (SELECT event_id FROM event_steps WHERE action = 'rework'))
          / nullif(count(*), 0)
     FROM registered WHERE id IN (SELECT event_id FROM event_steps WHERE to_state = 'handled'))::float8 AS rework_rate,
  (SELECT avg((rating - 1) * 25.0) FROM registered WHERE state = 'rated')::float8 AS satisfaction_score
`;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export interface EventFigures {
  registered: number;
  closed: number;
  resolvedLocally: number;
  shelved: number;
  unlicensedRegistered: number;
  unlicensedClosed: number;
  lowestClosingCategory: string;
  servicesReceived: number;
  servicesCompleted: number;
  servicesRefused: number;
  afterSchoolCareInHalfYear: number;
  voided: number;
  merged: number;
  pendingAcceptance: number;
  emergencies: number;
  rated: number;
  closedByFinder: number;
  escalated: number;
  sentBack: number;
  reworked: number;
  extensionsApproved: number;
  extensionsRefused: number;
  refusedAssignments: number;
  refusalRate: number;
  onTimeClosureRate: number;
  onTimeHandlingRate: number;
  reworkRate: number;
  satisfactionScore: number;
  /** Rates in per cent, unrounded. */
  localResolutionRate: number;
  closureRate: number;
  unlicensedClosureRate: number;
  needsMetRate: number;
}

export async function eventFigures(db: Database): Promise<EventFigures> {
  const [row] = await db.query<Record<string, unknown>>(FIGURES);
  const f = Object.fromEntries(
    Object.entries(row!).map(([k, v]) => [camel(k), v]),
  ) as unknown as EventFigures;
  return {
    ...f,
    localResolutionRate: (100 * f.resolvedLocally) / f.registered,
    closureRate: (100 * f.closed) / f.registered,
    unlicensedClosureRate: (100 * f.unlicensedClosed) / f.unlicensedRegistered,
    needsMetRate: (100 * f.servicesCompleted) / f.servicesReceived,
  };
}
