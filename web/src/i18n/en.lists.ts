import type { zhCNLists } from './zh-CN.lists';

/** Lists at scale (English). */
export const enLists: Record<keyof typeof zhCNLists, string> = {
  'lists.total': '{n} in all',
  'lists.totalAtLeast': 'more than {n}',
  'lists.totalAtLeastHint':
    'Filtered lists are counted up to {n}; narrow the area or add a filter for an exact total',
  'lists.pageSize': 'Rows per page',
  'lists.perPage': '{n} / page',
  'lists.first': 'First page',
  'lists.staleCursor':
    'That page link no longer works (the list changed or the link was altered); back at page 1.',
  'lists.export': 'Export',
  'lists.exportCsv': 'Export CSV',
  'lists.exportXlsx': 'Export Excel',
  'lists.exportHint':
    'Exports all {n} records of this area and filters; personal data stays masked; the export is audited',
  'lists.filters': 'Filters',
  'lists.filtersActive': 'Filters ({n})',
  'lists.clearFilters': 'Clear filters',
  'lists.within': 'Sub-area',
  'lists.withinAll': 'All sub-areas',
  'lists.ageMin': 'Age from',
  'lists.ageMax': 'Age to',
  'lists.permitExpiryBefore': 'Permit expires before',
  'lists.followUpBefore': 'Follow-up before (or none)',
  'lists.tag': 'Tag',
  'lists.size': 'Size',
  'enum.size.micro': 'Micro (under 10)',
  'enum.size.small': 'Small (10–99)',
  'enum.size.medium': 'Medium (100–999)',
  'enum.size.large': 'Large (1,000+)',
  'lists.searchResidents': 'Any part of a name, an ID number or a phone number',
  'lists.searchHouses': 'Unit or door plate, e.g. 101, 3栋502房, 金碧大道3号 101',
  'lists.searchEnterprises': 'Any part of the name, or part of the credit code',
  'lists.emptySearch': 'No {entity} matching “{q}” in {area}.',
  'lists.emptyFiltered': 'No {entity} in {area} matches these filters.',
  'lists.emptyArea': '{area} has no {entity} records.',
  'lists.emptyTry': 'Check the spelling, type only part of the name (two characters), or remove a filter.',
  'lists.searchWider': 'Search {area}',
  'lists.open': 'Open: {name}',
  'lists.unnamed': '(no name)',
};
