// What the demo's three years of event history must add up to, per district, as docs/evaluation.md counts.
// The district figures are the source document's; the small scale's are chosen so that every ratio rounds
// to the same figure (98.4 %, 98.3 %, 89.6 %, 9.16 points) with about a fiftieth of the events.
import type { ScaleName } from '../scales';

export interface EventTargets {
  problems: {
    /** Registered problem events (accepted, handled or dispatched; not voided or merged). */
    registered: number;
    /** Closed at grid, community or street level. */
    resolvedLocally: number;
    /** Closed at the district centre after the departments' work. */
    closedByDepartments: number;
    /** Registered and shelved (挂账) at the cut-off; the rest of the unclosed are still being worked on. */
    shelved: number;
    /** Unlicensed trading (16): registered, closed and, of the unclosed, shelved. */
    unlicensed: { registered: number; closed: number; shelved: number };
    /** After-school care (17): events in the campaign's half year, all of them dealt with. */
    afterSchoolCare: number;
    voided: number;
    merged: number;
    /** Reported, not yet taken on at the cut-off. */
    pending: number;
  };
  services: {
    /** Received: reported and not merged (refused ones included). */
    received: number;
    completed: number;
    /** Refused (voided): a need not met. */
    refused: number;
    merged: number;
  };
}

const DISTRICT: EventTargets = {
  problems: {
    registered: 78_539,
    resolvedLocally: 77_274,
    closedByDepartments: 291,
    shelved: 480,
    unlicensed: { registered: 2_500, closed: 2_240, shelved: 200 },
    afterSchoolCare: 62,
    voided: 1_180,
    merged: 640,
    pending: 36,
  },
  services: { received: 7_891, completed: 7_753, refused: 64, merged: 40 },
};

const SMALL: EventTargets = {
  problems: {
    registered: 1_432,
    resolvedLocally: 1_409,
    closedByDepartments: 5,
    shelved: 9,
    unlicensed: { registered: 48, closed: 43, shelved: 3 },
    afterSchoolCare: 4,
    voided: 22,
    merged: 12,
    pending: 3,
  },
  services: { received: 172, completed: 169, refused: 1, merged: 2 },
};

/** Targets per district of each scale (a city repeats the district's). */
export const EVENT_TARGETS: Record<ScaleName, EventTargets> = {
  small: SMALL,
  district: DISTRICT,
  city: DISTRICT,
};

const CST = '+08:00';
/** The history's first and last moments: three years of reports, all work done by the end of the last one. */
export const HISTORY_START = Date.parse(`2023-11-28T00:00:00${CST}`);
export const HISTORY_END = Date.parse(`2026-11-27T18:00:00${CST}`);

/**
 * The after-school care problem's half year (the autumn term of 2025): its events are reported in it. The
 * campaign (专项行动) that raised it from case-by-case handling, with its 152 inspected sites, will attach here
 * when the campaigns feature comes: its inspection results will link to these events.
 */
export const AFTER_SCHOOL_CARE_HALF_YEAR = {
  start: Date.parse(`2025-09-01T00:00:00${CST}`),
  end: Date.parse(`2026-02-28T00:00:00${CST}`),
};
