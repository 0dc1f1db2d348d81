import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app';

/** /metrics is not public: a separate listener (METRICS_PORT) and/or a bearer token (METRICS_TOKEN). */
describe('/metrics exposure', () => {
  const TOKEN = 'metrics-token-for-the-test-0123456789';

  it('answers 404 on the API port without configuration', async () => {
    const t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('http_request_duration_seconds');
    expect(t.app.metricsAddress()).toBeNull();
    await t.close();
  });

  it('with METRICS_TOKEN, answers only a request carrying the token', async () => {
    const t = await startTestApp({ metricsToken: TOKEN });
    const get = (authorization?: string) =>
      t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get('Bearer wrong')).statusCode).toBe(401);
    expect((await get(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
    const ok = await get(`Bearer ${TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_request_duration_seconds');
    await t.close();
  });

  it('with METRICS_PORT, serves metrics on that listener over HTTP and not on the API port', async () => {
    const t = await startTestApp({ metricsPort: 0, metricsHost: '127.0.0.1' });
    const address = t.app.metricsAddress();
    expect(address?.address).toBe('127.0.0.1');
    const base = `http://127.0.0.1:${address!.port}`;
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('http_request_duration_seconds');
    expect(text).toContain('route="/healthz"');
    expect((await fetch(`${base}/other`)).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    await t.close();
    await expect(fetch(`${base}/metrics`)).rejects.toThrow();
  });

  it('with both, the separate listener asks for the token too', async () => {
    const t = await startTestApp({ metricsPort: 0, metricsToken: TOKEN });
    const base = `http://127.0.0.1:${t.app.metricsAddress()!.port}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    await t.close();
  });
});
