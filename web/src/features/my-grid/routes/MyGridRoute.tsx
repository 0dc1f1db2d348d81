import { Empty, Space, Spin, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n';
import { areaPathLabel } from '../../../lib/areas/area-index';
import { useAreaTree } from '../../../lib/areas/get-area-tree';
import { AreaCard } from '../components/AreaCard';
import { EventButtons } from '../components/EventButtons';

/**
 * The start screen of those bound to a few areas (a grid worker's grids, a community's or street's own area):
 * each area's counts and the buttons to its lists and forms. `areas`: the account's own (from /auth/me).
 */
export function MyGridRoute({ areas }: { areas: readonly { code: string }[] }) {
  const { t } = useI18n();
  const tree = useAreaTree();
  if (tree.isPending) return <Spin size="large" style={{ display: 'block', padding: 96 }} />;
  if (tree.isError) return <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} />;
  const { index } = tree.data;
  const own = areas.flatMap((a) => index.get(a.code)?.node ?? []);
  const grids = own.length > 0 && own.every((n) => n.level === 'grid');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-grid">
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t(grids ? 'myGrid.title' : 'myGrid.titleArea')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('myGrid.intro')}
        </Typography.Paragraph>
      </div>
      <EventButtons />
      {own.length === 0 && <Empty description={t('myGrid.noArea')} />}
      {own.map((area) => (
        <AreaCard key={area.code} code={area.code} name={area.name} path={areaPathLabel(index, area.code)} />
      ))}
    </Space>
  );
}
