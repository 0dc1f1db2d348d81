import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n';
import { allows, type Permissions } from '../../../lib/permissions';
import { useAreaHref } from '../../../lib/use-area';
import type { Shape } from '../api/queries';
import type { Link as RecordLink } from '../description';

/** The links of a record that lead somewhere the role may read. */
export const visibleLinks = (record: Shape, links: readonly RecordLink<string>[], permissions: Permissions) =>
  links.filter(
    (link) =>
      allows(permissions, link.resource, 'read') && (link.kind === 'list' || record[link.idKey] != null),
  );

/** Buttons to the records this one points at and to lists of records pointing at it. */
export function RecordLinks({ record, links }: { record: Shape; links: readonly RecordLink<string>[] }) {
  const { t } = useI18n();
  const href = useAreaHref();
  return links.map((link, i) => (
    <LinkButton
      key={link.testId}
      to={
        link.kind === 'list'
          ? href(`/${link.resource}`, { [link.filter]: record.id })
          : href(`/${link.resource}/${String(record[link.idKey])}`)
      }
      type={i === 0 ? 'primary' : 'default'}
      ghost={i === 0}
      data-testid={link.testId}
    >
      {t(link.label)}
    </LinkButton>
  ));
}
