/**
 * Names for the generated contract (schema.d.ts, from the server's OpenAPI document): the web declares no
 * API shape by hand. Resource, action and personal-field names are the policy's own unions.
 */
import type { RegistryResource } from '../../../core/policy/capabilities';
import type { components, paths } from './schema';

export type { Action, PersonalField, RegistryResource, Resource } from '../../../core/policy/capabilities';
export type { components, paths };

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of a GET route's 200 answer. */
export type GetResponse<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: infer Ok } };
}
  ? JsonOf<Ok>
  : never;

type JsonBody<Op> = Op extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;

/** The JSON body a POST route takes. */
export type PostBody<Path extends keyof paths> = paths[Path] extends { post: infer Op }
  ? JsonBody<Op>
  : never;

/** The JSON body of a POST route's 200 answer. */
export type PostResponse<Path extends keyof paths> = paths[Path] extends {
  post: { responses: { 200: infer Ok } };
}
  ? JsonOf<Ok>
  : never;

type RecordPath<P extends RegistryResource> = `/api/v1/registry/${P}/{id}` & keyof paths;
type ListPath<P extends RegistryResource> = `/api/v1/registry/${P}` & keyof paths;

/** One registry record as the API shows it. */
export type RegistryRecord<P extends RegistryResource> = GetResponse<RecordPath<P>>;
/** One page of a registry list. */
export type RegistryPage<P extends RegistryResource> = GetResponse<ListPath<P>>;
/** The body of `POST /registry/<resource>`. */
export type CreateBody<P extends RegistryResource> = JsonOf<
  NonNullable<paths[ListPath<P>]['post']['requestBody']>
>;
/** The body of `PATCH /registry/<resource>/{id}`. */
export type UpdateBody<P extends RegistryResource> = JsonOf<
  NonNullable<paths[RecordPath<P>]['patch']['requestBody']>
>;
/** Query parameters of a registry list. */
export type ListQuery<P extends RegistryResource> = NonNullable<
  paths[ListPath<P>]['get']['parameters']['query']
>;

export type HistoryResponse = GetResponse<'/api/v1/registry/residents/{id}/history'>;
export type HistoryEntry = HistoryResponse['items'][number];
export type RegistrySummary = GetResponse<'/api/v1/registry/summary'>;
