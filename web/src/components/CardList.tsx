import { Empty, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props<T extends { id: number }> {
  items: T[];
  card: (row: T) => { heading: ReactNode; lines: ReactNode[] };
  busy?: boolean;
}

const itemStyle = { padding: '10px 4px', borderBottom: '1px solid #f0f0f0' } as const;

/**
 * A phone's list: one card per row, its heading a link to the record, then its key fields. Plain list markup
 * (antd 6 deprecates its List component), so a screen reader announces the number of rows.
 */
export function CardList<T extends { id: number }>({ items, card, busy }: Props<T>) {
  return (
    <Spin spinning={busy ?? false}>
      {items.length === 0 && !busy && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <ul
        data-testid="card-list"
        style={{ listStyle: 'none', margin: 0, padding: 0, minHeight: busy && items.length === 0 ? 120 : 0 }}
      >
        {items.map((row) => {
          const { heading, lines } = card(row);
          return (
            <li key={row.id} data-testid="list-card" style={itemStyle}>
              <div style={{ fontWeight: 600, fontSize: 16, marginBottom: 4 }}>{heading}</div>
              {lines.map((line, i) => (
                // Lines are positional (the description's key fields in order).
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed order per card
                <Typography.Text key={i} style={{ display: 'block' }}>
                  {line}
                </Typography.Text>
              ))}
            </li>
          );
        })}
      </ul>
    </Spin>
  );
}
