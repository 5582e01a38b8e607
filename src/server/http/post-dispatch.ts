// What every POST to the MCP endpoint goes through — `Accept` (406), `Content-Type` (415), body
// size (413), JSON (400, -32700), envelope (400, -32600) — before its era picks who serves it:
// modern `_meta` or `server/discover` statelessly, `initialize` and `Mcp-Session-Id` in a session.
import { MetaKey } from '../../spec/meta-keys.js';
import { classifyMessage } from '../../spec/validate/envelope.js';
import { isModernVersion } from '../../spec/versions.js';
import type { AuthInfo } from '../context.js';
import { isModernRequest } from '../modern-era.js';
import type { HttpSettings } from './http-handler-options.js';
import { acceptedResponse, refusal } from './http-status.js';
import type { LegacySessions } from './legacy-sessions.js';
import { acceptsMediaType, isJsonContentType } from './media-types.js';
import { readJsonBody } from './request-body.js';
import type { StatelessRequests } from './stateless-requests.js';

export interface PostTargets {
  settings: HttpSettings;
  stateless: StatelessRequests;
  sessions: LegacySessions;
}

export async function servePost(
  request: Request,
  auth: AuthInfo | undefined,
  { settings, stateless, sessions }: PostTargets,
): Promise<Response> {
  const accept = request.headers.get('accept');
  if (
    !acceptsMediaType(accept, 'application/json') ||
    !acceptsMediaType(accept, 'text/event-stream')
  ) {
    return refusal(
      'not-acceptable',
      'Not Acceptable: the client must accept both application/json and text/event-stream',
    );
  }
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return refusal(
      'unsupported-media-type',
      'Unsupported Media Type: the body must be application/json',
    );
  }
  const body = await readJsonBody(request, settings.maxBodyBytes);
  if (!body.ok) return body.response;
  const value = body.value;
  const hasSession = request.headers.has('mcp-session-id');
  if (Array.isArray(value)) {
    if (hasSession) return sessions.post(request, value, auth);
    return refusal(
      'invalid-request',
      'Invalid request: batches are only accepted in a 2025-03-26 session',
    );
  }
  const classified = classifyMessage(value);
  switch (classified.kind) {
    case 'invalid': {
      const id = classified.id ?? undefined;
      return refusal(
        'invalid-request',
        'Invalid request: not a JSON-RPC message',
        id === undefined ? {} : { id },
      );
    }
    case 'request': {
      const { message } = classified;
      if (isModernRequest(message.method, message.params)) {
        return stateless.serve(request, message, auth);
      }
      if (message.method === 'initialize') return sessions.initialize(request, message, auth);
      if (hasSession) return sessions.post(request, message, auth);
      if (isModernVersion(request.headers.get('mcp-protocol-version'))) {
        return refusal(
          'invalid-params',
          `Invalid params: missing _meta["${MetaKey.ProtocolVersion}"]`,
          {
            id: message.id,
          },
        );
      }
      break;
    }
    case 'notification':
      if (hasSession) return sessions.post(request, value, auth);
      // 2026-07-28 defines no client notification over HTTP; one is accepted and has no effect.
      if (isModernVersion(request.headers.get('mcp-protocol-version'))) return acceptedResponse();
      break;
    case 'result':
    case 'error':
      if (hasSession) return sessions.post(request, value, auth);
      return refusal(
        'invalid-request',
        'Invalid request: a client POSTs no JSON-RPC responses outside a legacy session',
      );
  }
  return refusal(
    'session-required',
    'Bad Request: the Mcp-Session-Id header is required (send initialize first, or _meta for 2026-07-28)',
  );
}
