import { Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useCanReveal } from '../lib/permissions';
import {
  type PersonalField,
  REVEAL_VISIBLE_MS,
  type RevealedValue,
  type RevealResource,
  useReveal,
} from '../lib/reveal';
import { RevealModal } from './RevealModal';

interface Props {
  resource: RevealResource;
  id: string | number;
  field: PersonalField;
  /** The field's label, for the dialog's title. */
  label: string;
  /** What the API sent: the masked value (or the list of masked entries), null when there is none. */
  masked: string | null | undefined;
}

const show = (value: RevealedValue, none: string) =>
  value === null || value.length === 0 ? none : Array.isArray(value) ? value.join('、') : value;

/**
 * A masked personal value with a "reveal" action for accounts allowed to see it: asks why, then shows the
 * clear value in place for a while. Accounts without the right see the masked value only.
 */
export function RevealField({ resource, id, field, label, masked }: Props) {
  const { t } = useI18n();
  const allowed = useCanReveal(resource, field);
  const reveal = useReveal(resource, id, field);
  const [asking, setAsking] = useState(false);

  if (reveal.value !== undefined) {
    return (
      <Space size={4} wrap>
        <Tooltip title={t('reveal.shownFor', { min: REVEAL_VISIBLE_MS / 60_000 })}>
          <Typography.Text strong copyable data-testid={`revealed-${field}`}>
            {field === 'phone' && typeof reveal.value === 'string' && reveal.value ? (
              <a href={`tel:${reveal.value.replace(/[^\d+]/g, '')}`} data-testid="phone-call">
                {reveal.value}
              </a>
            ) : (
              show(reveal.value, t('reveal.none'))
            )}
          </Typography.Text>
        </Tooltip>
        <Button type="link" size="small" onClick={reveal.hide} data-testid={`hide-${field}`}>
          {t('reveal.hide')}
        </Button>
      </Space>
    );
  }
  if (!masked) return <>—</>;
  return (
    <Space size={4} wrap>
      <span data-testid={`masked-${field}`}>{masked}</span>
      {allowed && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 4 }}
          onClick={() => setAsking(true)}
          aria-label={`${t('reveal.action')} ${label}`}
          data-testid={`reveal-${field}`}
        >
          {t('reveal.action')}
        </Button>
      )}
      {allowed && (
        <RevealModal
          open={asking}
          label={label}
          reveal={reveal}
          onClose={() => {
            setAsking(false);
            reveal.clearError();
          }}
        />
      )}
    </Space>
  );
}
