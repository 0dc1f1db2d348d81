import { Space, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { PersonalRead } from '../types';
import { mono } from './read-columns';

interface Props {
  read: PersonalRead;
  /** Filter the reads by one record: who else read this person. */
  onRecord: (entity: string, recordId: string) => void;
}

/** The ids one request returned (expanded row); each filters the reads by that record. */
export function ReadRecordIds({ read, onRecord }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid="read-record-ids">
      <Typography.Text type="secondary" style={{ marginRight: 8 }}>
        {t('audit.reads.idsHint')}
      </Typography.Text>
      <Space size={[10, 4]} wrap>
        {read.recordIds.map((id) => (
          <Tooltip key={id} title={t('audit.reads.whoRead')}>
            <Typography.Link
              style={mono}
              onClick={() => onRecord(read.entity, String(id))}
              data-testid="read-record-id"
            >
              #{id}
            </Typography.Link>
          </Tooltip>
        ))}
      </Space>
    </div>
  );
}
