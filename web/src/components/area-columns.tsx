import type { TableColumnsType } from 'antd';
import type { CSSProperties } from 'react';
import type { I18n } from '../i18n';
import type { LocatedRecord } from '../lib/types';

const oneLine: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/** One compact column for where a record is: its grid, with street · community underneath. */
export function areaColumns<T extends LocatedRecord>(t: I18n['t']): TableColumnsType<T> {
  return [
    {
      key: 'area',
      title: t('field.area'),
      width: 170,
      render: (_, r) => {
        const above = [r.area.street, r.area.community].filter(Boolean).join(' · ') || '—';
        return (
          <div style={{ lineHeight: 1.35 }} title={`${above} · ${r.area.grid ?? '—'}`}>
            <div style={oneLine} data-testid="cell-grid">
              {r.area.grid ?? '—'}
            </div>
            <div style={{ ...oneLine, color: '#595959', fontSize: 12 }}>{above}</div>
          </div>
        );
      },
    },
  ];
}
