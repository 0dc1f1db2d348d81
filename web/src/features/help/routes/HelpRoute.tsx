import { Alert, Card, Collapse, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n';
import { helpEn } from '../content/en';
import { HELP_ROLES, type HelpRole, type RoleGuide } from '../content/types';
import { helpZh } from '../content/zh-CN';

const isRole = (value: string | null): value is HelpRole => HELP_ROLES.includes(value as HelpRole);

function Guide({ guide }: { guide: RoleGuide }) {
  return (
    <>
      <Typography.Paragraph>{guide.does}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        {guide.steps.map((step) => (
          <li key={step} style={{ marginBottom: 6 }}>
            {step}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * `/help?role=…&screen=…`: the guide for the account's role first (the header's "帮助" link says which), a hint for
 * the screen it came from, why personal data is masked, then the other roles' guides folded.
 */
export function HelpRoute() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const content = lang === 'en' ? helpEn : helpZh;
  const role = params.get('role');
  // The screen the help was opened from: absent when opened directly; '' is the overview.
  const screen = params.get('screen');
  const own = isRole(role) ? role : null;
  const tip = screen === null ? '' : (content.screens[screen] ?? content.anyList);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }} data-testid="help">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('help.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('help.intro')}
        </Typography.Paragraph>
      </div>
      {tip && <Alert type="info" showIcon title={tip} data-testid="help-screen-tip" />}
      {own && (
        <Card
          id={own}
          data-testid={`help-role-${own}`}
          title={
            <h2 style={{ margin: 0, fontSize: 18 }}>
              {t('help.yourRole')}：{content.roles[own].title}
            </h2>
          }
        >
          <Guide guide={content.roles[own]} />
        </Card>
      )}
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('help.masking')}</h2>}>
        {content.masking.map((line) => (
          <Typography.Paragraph key={line}>{line}</Typography.Paragraph>
        ))}
      </Card>
      <section aria-labelledby="help-roles">
        <Typography.Title level={2} id="help-roles" style={{ fontSize: 18 }}>
          {t('help.roles')}
        </Typography.Title>
        <Collapse
          data-testid="help-all-roles"
          items={HELP_ROLES.filter((r) => r !== own).map((r) => ({
            key: r,
            label: content.roles[r].title,
            children: <Guide guide={content.roles[r]} />,
          }))}
        />
      </section>
    </Space>
  );
}
