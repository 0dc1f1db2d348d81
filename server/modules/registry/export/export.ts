import { PassThrough } from 'node:stream';
import { appendAuditNow } from '../../audit';
import { type ListQuery, pageOf, planList } from '../engine/list';
import { presentPage } from '../engine/present';
import type { AnyEntity, RegistryContext } from '../engine/types';
import { type Cell, CONTENT_TYPE, type ExportFormat, sheetWriter } from './format';
import { FILE_NAMES, HEADINGS, PERSON_ENTITIES, VALUES } from './labels';

/** Rows read and written per step: one keyset page, as the list reads them. */
const BATCH = 1000;
const AREA_FIELDS = ['street', 'community', 'grid'] as const;

type Shown = Record<string, unknown> & { area?: Record<string, unknown> };

/** The columns of an entity's file: id, its own fields that have a heading, the area, the last change. */
function columnsOf(def: AnyEntity) {
  const own = Object.keys(def.output.properties).filter(
    (k) => k in HEADINGS && !['id', 'updatedAt', 'lat', 'lng'].includes(k),
  );
  const keys = ['id', ...own, ...AREA_FIELDS, 'updatedAt'];
  const heading = (k: string) => (k === 'name' && PERSON_ENTITIES.has(def.entity) ? '姓名' : HEADINGS[k]!);
  return { keys, headings: keys.map(heading) };
}

function cell(key: string, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => VALUES[key]?.[String(v)] ?? String(v)).join('、');
  return VALUES[key]?.[String(value)] ?? String(value);
}

const rowOf = (keys: string[], record: Shown): Cell[] =>
  keys.map((k) => cell(k, (AREA_FIELDS as readonly string[]).includes(k) ? record.area?.[k] : record[k]));

/** 居民-2026-11-30.xlsx, in the server's local date. */
export function exportFileName(def: AnyEntity, format: ExportFormat, now = new Date()) {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return {
    name: `${FILE_NAMES[def.path] ?? def.path}-${date}.${format}`,
    ascii: `${def.path}-${date}.${format}`,
  };
}

/**
 * The list as a file: the same plan (scope, area, filters, search) as the list screen, every page of it,
 * presented as the list presents it (personal fields masked), streamed so memory stays flat at any size.
 * No row limit: an export is the register a street or the centre reports from, already bounded by scope;
 * every one is on record (one audit row with what was asked and how many rows left, and the personal-read
 * record of the ids, as for list pages). The plan is checked before the first byte, so a bad filter or a
 * forged area is a 4xx, not a broken download.
 */
export async function exportRecords(
  def: AnyEntity,
  ctx: RegistryContext,
  query: ListQuery,
  format: ExportFormat,
) {
  const plan = await planList(def, ctx, query);
  const out = new PassThrough();
  const { keys, headings } = columnsOf(def);
  const writer = sheetWriter(format, out, FILE_NAMES[def.path] ?? def.path);
  const file = exportFileName(def, format);

  let rows = 0;
  const audit = (complete: boolean) =>
    appendAuditNow(ctx.db, {
      actorId: ctx.actorId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      action: 'registry.export',
      objectType: def.entity,
      details: {
        resource: def.path,
        format,
        rows,
        complete,
        area: query.area ?? null,
        within: query.within ?? null,
        q: query.q ?? null,
        sort: plan.sortKey,
        order: plan.descending ? 'desc' : 'asc',
        filters: plan.filters,
      },
    });
  const write = async () => {
    await writer.header(headings);
    let cursor: string | undefined;
    do {
      const page = await pageOf(def, ctx, plan, BATCH, cursor);
      if (out.destroyed) break;
      if (def.personalFields && page.rows.length)
        await ctx.access.recordRead(
          def.entity,
          'list',
          page.rows.map((r) => r.id),
          { export: format },
        );
      const shown = (await presentPage(def, ctx, page.rows)) as Shown[];
      await writer.rows(shown.map((record) => rowOf(keys, record)));
      rows += shown.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !out.destroyed);
    if (out.destroyed) return audit(false);
    // On record before the file is whole: a download the audit trail does not know of never completes.
    await audit(true);
    await writer.end();
  };
  write().catch(async (error: Error) => {
    out.destroy(error);
    await audit(false).catch(() => undefined);
  });
  return { stream: out, contentType: CONTENT_TYPE[format], file };
}
