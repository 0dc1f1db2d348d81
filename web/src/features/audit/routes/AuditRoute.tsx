import { Card, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { AuditTrailPanel } from '../components/AuditTrailPanel';
import { PersonalReadsPanel } from '../components/PersonalReadsPanel';
import { VerifyChain } from '../components/VerifyChain';

type Tab = 'trail' | 'reads';
const TAB_PATHS: Record<Tab, string> = { trail: '/audit', reads: '/audit/reads' };

/** Auditors' page: the audit trail (`/audit`) and the personal-data reads (`/audit/reads`), one tab each. */
export function AuditRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab: Tab = /\/audit\/reads\/?$/.test(pathname) ? 'reads' : 'trail';

  return (
    <Card
      title={
        <Space wrap size={[8, 0]}>
          <h1 style={{ fontSize: 16, margin: 0 }}>{t('audit.title')}</h1>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('audit.newestFirst')}
          </Typography.Text>
        </Space>
      }
      extra={tab === 'trail' ? <VerifyChain /> : null}
      tabList={[
        { key: 'trail', label: <span data-testid="tab-trail">{t('audit.tab.trail')}</span> },
        { key: 'reads', label: <span data-testid="tab-reads">{t('audit.tab.reads')}</span> },
      ]}
      activeTabKey={tab}
      onTabChange={(key) => navigate(TAB_PATHS[key as Tab])}
      data-testid="audit-page"
    >
      {tab === 'reads' ? <PersonalReadsPanel /> : <AuditTrailPanel />}
    </Card>
  );
}
