import { Tag } from 'antd';
import { enumLabel, useI18n } from '../../../i18n';
import { STATE_COLOURS } from '../labels';

export function StateTag({ state }: { state: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state] ?? '#595959'} data-testid="event-state" style={{ marginInlineEnd: 0 }}>
      {enumLabel(tx, 'eventState', state)}
    </Tag>
  );
}
