import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { RegistryResource } from '../../../api/types';
import { DetailPage } from '../../../components/DetailPage';
import { locatedItems } from '../../../components/located-items';
import { useI18n } from '../../../i18n';
import { allows, usePermissions } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import { lastListUrl } from '../../../lib/use-list-state';
import { useRegistryHistory, useRegistryRecord } from '../api/queries';
import { RecordActions } from '../components/RecordActions';
import { RecordLinks, visibleLinks } from '../components/RecordLinks';
import { RelatedRecords } from '../components/RelatedRecords';
import { headingOf, hiddenWhenEmpty, showValue } from '../components/show-value';
import { describe } from '../descriptions';

/** The detail of any registry record: its fields, links to related records, actions and change history. */
export function RegistryDetailRoute({ resource }: { resource: RegistryResource }) {
  const description = describe(resource);
  const { id = '' } = useParams();
  const { t, tx } = useI18n();
  const href = useAreaHref();
  const permissions = usePermissions();
  const record = useRegistryRecord(resource, id);
  const history = useRegistryHistory(resource, id);
  const r = record.data;
  const links = r ? visibleLinks(r, description.links, permissions) : [];

  const items = useMemo(() => {
    if (!r) return undefined;
    const ctx = {
      t,
      tx,
      href,
      resource,
      canRead: (other: RegistryResource) => allows(permissions, other, 'read'),
    };
    return [
      ...description.detail
        .filter((shown) => !hiddenWhenEmpty(shown, r))
        .map((shown) => ({
          key: shown.key,
          label: t(shown.label),
          children: showValue(shown, r, ctx),
          ...(shown.wide && { span: 'filled' as const }),
        })),
      ...locatedItems(r, t),
    ];
  }, [r, description, t, tx, href, resource, permissions]);

  return (
    <DetailPage
      title={t('detail.title', { entity: t(`entity.${resource}`) })}
      heading={headingOf(description, r)}
      archived={Boolean(r?.archivedAt)}
      backHref={lastListUrl(`/${resource}`, href(`/${resource}`))}
      record={record}
      history={history}
      items={items}
      actions={r && <RecordActions resource={resource} record={r} />}
      links={r && links.length > 0 && <RecordLinks record={r} links={links} />}
      related={
        r &&
        links.map(
          (link) =>
            link.kind === 'list' &&
            link.inPlace && (
              <RelatedRecords
                key={link.testId}
                record={r}
                link={link}
                parentHeading={headingOf(description, r)}
              />
            ),
        )
      }
    />
  );
}
