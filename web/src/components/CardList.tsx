import { List, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props<T extends { id: number }> {
  items: T[];
  card: (row: T) => { heading: ReactNode; lines: ReactNode[] };
  busy?: boolean;
}

/** A phone's list: one card per row, its heading a link to the record, then its key fields. */
export function CardList<T extends { id: number }>({ items, card, busy }: Props<T>) {
  return (
    <List
      loading={busy}
      dataSource={items}
      data-testid="card-list"
      renderItem={(row) => {
        const { heading, lines } = card(row);
        return (
          <List.Item key={row.id} data-testid="list-card" style={{ display: 'block', padding: '10px 4px' }}>
            <div style={{ fontWeight: 600, fontSize: 16, marginBottom: 4 }}>{heading}</div>
            {lines.map((line, i) => (
              // Lines are positional (the description's key fields in order).
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed order per card
              <Typography.Text key={i} style={{ display: 'block' }}>
                {line}
              </Typography.Text>
            ))}
          </List.Item>
        );
      }}
    />
  );
}
