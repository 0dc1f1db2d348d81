import { App, Button, Popconfirm } from 'antd';
import type { RegistryResource } from '../../../api/types';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n';
import { useCan } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { type Shape, useRegistryWrite } from '../api/queries';

/** Edit and archive buttons of a record, for roles that may use them; an archived record has none. */
export function RecordActions({ resource, record }: { resource: RegistryResource; record: Shape }) {
  const { t } = useI18n();
  const href = useAreaHref();
  const { message } = App.useApp();
  const canUpdate = useCan(resource, 'update');
  const canArchive = useCan(resource, 'archive');
  const { archive } = useRegistryWrite(resource);
  if (record.archivedAt) return null;

  return (
    <>
      {canUpdate && (
        <LinkButton to={href(`/${resource}/${record.id}/edit`)} data-testid="record-edit">
          {t('form.editAction')}
        </LinkButton>
      )}
      {canArchive && (
        <Popconfirm
          title={t('form.archiveConfirm')}
          okText={t('form.archive')}
          cancelText={t('form.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            archive.mutateAsync(record.id).then(
              () => message.success(t('form.archived')),
              (error: Error) => message.error(error.message),
            )
          }
        >
          <Button danger loading={archive.isPending} data-testid="record-archive">
            {t('form.archive')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
