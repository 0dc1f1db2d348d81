import type { CreateBody, ListQuery, PersonalField, RegistryRecord, RegistryResource } from '../../api/types';
import type { MessageKey } from '../../i18n';

/**
 * What the web knows about one registry entity beyond the API contract: how its records are shown, filtered,
 * linked and edited. One declaration per entity drives its list, detail and form screens.
 */
export type EntityDescription<P extends RegistryResource> = DescriptionOf<
  P,
  OutputKey<P>,
  FilterKey<P>,
  BodyKey<P>,
  SortKey<P>
>;
/** Every description, as the generic screens see it: keys are plain strings there. */
export type AnyDescription = DescriptionOf<RegistryResource, string, string, string, string>;

interface DescriptionOf<
  R extends RegistryResource,
  Out extends string,
  F extends string,
  Body extends string,
  Sort extends string,
> {
  resource: R;
  /** Side-menu symbol; the menu label is `list.<resource>`. */
  icon: string;
  /** Fields joined into the record's heading (its name, or address and unit). */
  heading: readonly Out[];
  /** Placeholder of the search box; no box when the API has no free-text search for the entity. */
  search?: MessageKey;
  columns: readonly Shown<Out>[];
  /** Columns the list can be sorted by (the API's `sort` values that are also column keys). */
  sortable: readonly (Sort & Out)[];
  filters: readonly Filter<F>[];
  /** Detail fields, after which come the area and bookkeeping fields every record has. */
  detail: readonly Shown<Out>[];
  links: readonly Link<Out>[];
  /** Create and edit form, in the order shown. */
  form: readonly FormField<Body>[];
}

export type OutputKey<P extends RegistryResource> = keyof RegistryRecord<P> & string;
export type BodyKey<P extends RegistryResource> = keyof CreateBody<P> & string;
export type SortKey<P extends RegistryResource> = NonNullable<ListQuery<P>['sort']>;
/** Filters are query parameters the list accepts; parent filters (`addressId`) are links' targets too. */
export type FilterKey<P extends RegistryResource> = BodyKey<P> | OutputKey<P> | (keyof ListQuery<P> & string);

/** How a value is shown. `enum` values are translated (`enum.<group>.<value>`) and may carry a colour. */
export type Display =
  | { kind: 'text' | 'number' | 'date' | 'datetime' }
  | { kind: 'enum'; group: string; colours?: Readonly<Record<string, string>> }
  | { kind: 'tags'; group: string }
  | { kind: 'flag' }
  /** A masked personal value with a reveal action for accounts that may see it. */
  | { kind: 'personal'; field: PersonalField }
  /** The value links to another record's detail, whose id is in `idKey`. */
  | { kind: 'link'; resource: RegistryResource; idKey: string };

export type Shown<K extends string> = {
  key: K;
  label: MessageKey;
  /** Column width (lists); detail fields marked `wide` take a whole line. */
  width?: number;
  wide?: boolean;
  /** Detail only: hidden when the record has no value (e.g. a registered resident's permit expiry). */
  hideEmpty?: boolean;
} & Display;

export type Filter<K extends string> =
  | { kind: 'enum'; key: K; label: MessageKey; group: string; values: readonly string[]; testId: string }
  /** A yes-only checkbox, e.g. "hazardous chemicals only". */
  | { kind: 'flag'; key: K; label: MessageKey; testId: string }
  /** A whole number within bounds, e.g. an age from. */
  | { kind: 'number'; key: K; label: MessageKey; min: number; max: number; testId: string }
  /** A date (YYYY-MM-DD), e.g. "permit expires before". */
  | { kind: 'date'; key: K; label: MessageKey; testId: string }
  /** Rows under one parent record (set by a link from that record), shown as a removable tag. */
  | { kind: 'parent'; key: K; resource: RegistryResource; label: MessageKey };

export type Link<K extends string> =
  /** The detail of a record this one points at (`idKey` holds its id). */
  | { kind: 'record'; resource: RegistryResource; idKey: K; label: MessageKey; testId: string }
  /**
   * The list of another resource's records that point at this one (`filter` = this id); with `inPlace`, the
   * first of them are also listed on the detail itself (heading linked, then these fields).
   */
  | {
      kind: 'list';
      resource: RegistryResource;
      filter: string;
      label: MessageKey;
      testId: string;
      inPlace?: { title: MessageKey; fields: readonly Shown<string>[] };
    };

/** One input of the create/edit form; the server validates, the form only asks for required fields. */
export type FormField<K extends string> = {
  key: K;
  label: MessageKey;
  required?: boolean;
  /** Help under the input. */
  help?: MessageKey;
  /** Edit: the record's value to start from, when the record shows it under another name or not at all. */
  from?: string | null;
  /** Personal data: never pre-filled on edit; left empty, it is left unchanged. */
  personal?: boolean;
} & Input;

export type Input =
  | { input: 'text' | 'date' | 'area' }
  | { input: 'number'; integer?: boolean }
  | { input: 'enum'; group: string; values: readonly string[] }
  | { input: 'tags'; group: string; values: readonly string[] }
  | { input: 'flag' }
  /** The id of another record (e.g. the house a resident lives in). */
  | { input: 'reference'; resource: RegistryResource };

/** The values of an enum, complete: the record must name every member of the union, and nothing else. */
export const valuesOf = <T extends string>(members: Record<T, true>): readonly T[] =>
  Object.keys(members) as T[]; // Object.keys is typed string[]; the record's keys are exactly T

/** The enum type of a create-body field. */
export type BodyEnum<P extends RegistryResource, K extends BodyKey<P>> =
  NonNullable<CreateBody<P>[K]> extends readonly (infer E)[]
    ? E & string
    : NonNullable<CreateBody<P>[K]> & string;
