import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';

const DAY = 'YYYY-MM-DD';

interface Props {
  /** First and last local day (YYYY-MM-DD), as kept in the URL. */
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
  testId: string;
}

/** A range of whole days for a URL filter: both ends or none. */
export function DayRangeFilter({ from, to, onChange, testId }: Props) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from, DAY), dayjs(to, DAY)] : null}
      onChange={(dates) => onChange({ from: dates?.[0]?.format(DAY), to: dates?.[1]?.format(DAY) })}
      prefix={`${t('audit.dateRange')}:`}
      data-testid={testId}
    />
  );
}
