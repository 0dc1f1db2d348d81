import type { TableColumnsType } from 'antd';
import type { I18n } from '../i18n';
import type { LocatedRecord } from '../lib/types';

/** One compact column for where a record is: its grid, with street · community underneath. */
export function areaColumns<T extends LocatedRecord>(t: I18n['t']): TableColumnsType<T> {
  return [
    {
      key: 'area',
      title: t('field.area'),
      width: 190,
      render: (_, r) => (
        <div style={{ lineHeight: 1.35 }}>
          <div data-testid="cell-grid">{r.area.grid ?? '—'}</div>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>
            {[r.area.street, r.area.community].filter(Boolean).join(' · ') || '—'}
          </div>
        </div>
      ),
    },
  ];
}
