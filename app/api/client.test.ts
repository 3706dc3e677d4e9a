import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorMessage, request } from './client.js';

function respond(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('returns the JSON body', async () => {
    respond(200, { ok: true });
    await expect(request('GET', '/me')).resolves.toEqual({ ok: true });
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/me');
  });

  it('returns nothing for 204', async () => {
    respond(204, undefined);
    await expect(request('DELETE', '/links/1')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with status, code and fields', async () => {
    respond(400, {
      error: {
        code: 'invalid_input',
        message: 'Check the fields.',
        fields: [
          { path: 'body.email', message: 'Not a valid e-mail address.' },
          { path: 'body.links.0.toId', message: 'Not a valid id.' },
        ],
      },
    });
    const e = await request('POST', '/auth/signup', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect([err.status, err.code, err.message]).toEqual([400, 'invalid_input', 'Check the fields.']);
    expect(err.fieldMap()).toEqual({
      email: 'Not a valid e-mail address.',
      'links.0.toId': 'Not a valid id.',
    });
  });

  it('copes with a body that is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    const e = (await request('GET', '/me').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(errorMessage(e)).toMatch(/our side/);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const e = (await request('GET', '/me').catch((x: unknown) => x)) as ApiError;
    expect([e.status, e.code]).toEqual([0, 'network']);
  });
});
