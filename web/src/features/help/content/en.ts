import type { HelpContent } from './types';

export const helpEn: HelpContent = {
  roles: {
    grid_worker: {
      title: 'Grid worker',
      does: 'Keeps the people, houses, addresses and businesses of your grid up to date.',
      steps: [
        '"My grid" opens first: your grid, where it is, and its key counts.',
        'Open "Residents" or "Houses" and search by any part of a name or a unit number.',
        'A new resident: "Register a resident", fill in the fields marked *, save.',
        'A change: open the record, "Edit", change only what changed, save. If told someone else changed it, reload first.',
        'On a phone the "Menu" button (top left) opens the lists; "Help" brings you back here.',
      ],
    },
    community_staff: {
      title: 'Community staff',
      does: "Looks after your community's grids and what a grid cannot handle.",
      steps: [
        'Choose the community or one of its grids in "Area" at the top; every list follows.',
        'The overview shows counts and a map; click a grid to go into it.',
        'Open a record to see its history; edit or add from the record or the list.',
      ],
    },
    street_staff: {
      title: 'Street centre',
      does: "Oversees the street's registry and keeps communities and grids complete.",
      steps: [
        'Compare communities on the overview.',
        'Filter lists by community or grid to check completeness.',
      ],
    },
    district_centre: {
      title: 'District centre',
      does: 'Manages the whole district’s data; may edit and archive records.',
      steps: [
        'Go from the district down to a grid on the overview.',
        'Search, filter, sort and (where allowed) export lists.',
        'Resolve duplicate registrations under "Identity conflicts".',
      ],
    },
    department_staff: {
      title: 'Department staff',
      does: "Reads the district's records your department's remit covers.",
      steps: [
        'The menu shows only what your department may read.',
        'Reveal a personal field with a reason when needed.',
      ],
    },
    district_leader: {
      title: 'District leader',
      does: 'Sees the whole district, read-only.',
      steps: ['The overview shows counts and the map; lists can be read, not changed.'],
    },
    auditor: {
      title: 'Auditor',
      does: 'Checks who did what and when, above all who revealed personal data.',
      steps: ['Filter the audit log by time, person and action.', '"Verify" checks the chain is unbroken.'],
    },
    admin: {
      title: 'Administrator',
      does: 'Manages accounts and access, not the daily data.',
      steps: ['Set up two-factor sign-in first.', 'Create, move, disable accounts and reset passwords.'],
    },
  },
  masking: [
    'ID numbers, phones and health conditions are stored encrypted and shown in part only.',
    'Roles that may see one click "Reveal" and give a reason; the value hides again after a few minutes.',
    'Every reveal is in the audit log.',
  ],
  screens: {
    '': 'Overview: choose an area by name in the navigator or on the map; its counts are below.',
    'my-grid': 'My grid: the figures and buttons open the lists and forms.',
    residents: 'Residents: search any part of a name; open a row for the details and the house.',
    houses: 'Houses: search a unit number (e.g. 101); a house lists its residents.',
    addresses: 'Door plates: a door plate holds several houses.',
    audit: 'Audit log: filter, page, and verify the chain.',
    help: '',
  },
  anyList: 'Lists: search and filter, sort by a column heading, open a row with a click or Tab + Enter.',
};
