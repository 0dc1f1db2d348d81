const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-03-05 14:03` in local time; '—' for missing values. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Dates without time (birth dates) are shown as given: `YYYY-MM-DD`. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length >= 10 ? value.slice(0, 10) : value;
}

// Making an Intl.NumberFormat costs far more than using one.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  // Whole numbers (counts, totals) group by thousands with a comma in both languages; the first Intl.NumberFormat
  // of a page loads the locale's data (17 ms on a phone), which a list's total should not wait for.
  if (Number.isSafeInteger(value)) return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

export function orDash(value: string | number | null | undefined): string | number {
  return value === null || value === undefined || value === '' ? '—' : value;
}

/** `2024-03-05 14:03:27` in local time, for logs where seconds matter. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDateTime(iso)}:${pad(d.getSeconds())}`;
}
