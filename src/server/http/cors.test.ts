// The CORS wrapper: preflights for allowed origins only, MCP headers exposed on responses.
import { describe, expect, it } from 'vitest';
import { withCors } from './cors.js';

const inner = (): Promise<Response> =>
  Promise.resolve(new Response('{}', { status: 200, headers: { 'Mcp-Session-Id': 'abc' } }));

describe('withCors', () => {
  const handle = withCors(inner, { origins: ['https://app.example.com'] });

  it('answers a preflight from an allowed origin with the MCP headers, Mcp-Param-* included', async () => {
    const response = await handle(
      new Request('http://localhost/mcp', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://app.example.com',
          'Access-Control-Request-Headers': 'content-type, mcp-param-region, x-evil\r\n',
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const name of [
      'Mcp-Session-Id',
      'MCP-Protocol-Version',
      'Mcp-Method',
      'Mcp-Name',
      'Last-Event-ID',
      'mcp-param-region',
    ]) {
      expect(allowed).toContain(name);
    }
    expect(allowed).not.toContain('x-evil');
  });

  it('refuses a preflight from any other origin', async () => {
    const response = await handle(
      new Request('http://localhost/mcp', {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example' },
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes the session id to allowed origins only', async () => {
    const ok = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { Origin: 'https://app.example.com' },
      }),
    );
    expect(ok.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id');
    const other = await handle(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
      }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-expose-headers')).toBeNull();
  });
});
