import { Tag } from 'antd';
import { enumLabel } from '../../../i18n';
import { useEventsI18n } from '../i18n';
import { STATE_COLOURS } from '../labels';

export function StateTag({ state }: { state: string }) {
  const { tx } = useEventsI18n();
  const colour = STATE_COLOURS[state] ?? '#595959';
  return (
    <Tag
      data-testid="event-state"
      style={{ marginInlineEnd: 0, color: colour, borderColor: colour, background: '#fff' }}
    >
      {enumLabel(tx, 'eventState', state)}
    </Tag>
  );
}
