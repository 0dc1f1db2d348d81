import { useI18n } from '../../i18n';
import { useClientConfig } from '../../lib/client-config';

/** A slim line on every screen (sign-in included) while the installation runs on the demo's data and keys. */
export function DemoBanner() {
  const { t } = useI18n();
  const config = useClientConfig();
  if (!config.data?.demo) return null;
  return (
    <div
      role="note"
      data-testid="demo-banner"
      style={{
        background: '#fff4d6',
        color: '#5c3d00',
        borderBottom: '1px solid #e8c766',
        fontSize: 13,
        lineHeight: 1.4,
        padding: '4px 12px',
        textAlign: 'center',
      }}
    >
      {t('shell.demoBanner')}
    </div>
  );
}
