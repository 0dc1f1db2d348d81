import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedInSchemaTypes, SCHEMA_TYPES_FILE, schemaTypes } from '../../scripts/openapi-types';
import { startTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof startTestApp>>;
let served: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  served = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('passes a standard OpenAPI validator', async () => {
    const result = await new Validator().validate(served as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe('3.1.0');
  });

  it('is what the checked-in web types were generated from', async () => {
    const fresh = await schemaTypes(served);
    expect(
      fresh === checkedInSchemaTypes(),
      `${SCHEMA_TYPES_FILE} is out of date: run \`npm run openapi:types\` and commit it`,
    ).toBe(true);
  });
});
