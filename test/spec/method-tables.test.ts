// The by-method tables: complete for each era, safe to index with a method read off the wire, and
// enforcing the rules that matter at dispatch (modern `_meta`, MRTR retries, legacy optional params).
import { describe, expect, it } from 'vitest';
import {
  ClientRequestMethod,
  NotificationMethod,
  ServerRequestMethod,
  isMethodInVersion,
} from '../../src/spec/methods.js';
import {
  legacyNotificationParams,
  legacyNotifications,
  legacyRequestParams,
  legacyRequests,
  legacyResults,
} from '../../src/spec/validate/legacy.js';
import { validatorFor } from '../../src/spec/validate/message-shapes.js';
import {
  modernInputRequests,
  modernInputResponses,
  modernNotificationParams,
  modernNotifications,
  modernRequestParams,
  modernRequests,
  modernResults,
} from '../../src/spec/validate/modern.js';
import { formatIssue } from '../../src/spec/validate/validator.js';
import type { Validator } from '../../src/spec/validate/validator.js';

type Table = Readonly<Record<string, Validator<unknown>>>;

const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
};

function issues(validator: Validator<unknown>, value: unknown): string[] {
  return validator.explain(value).map(formatIssue);
}

describe('tables cover every method of their era', () => {
  const clientRequests = Object.values(ClientRequestMethod);
  const serverRequests = Object.values(ServerRequestMethod);
  const notifications = Object.values(NotificationMethod);

  it('modern: client requests, notifications and MRTR input requests', () => {
    const expected = clientRequests.filter((m) => isMethodInVersion(m, '2026-07-28')).sort();
    for (const table of [modernRequestParams, modernRequests, modernResults] as Table[]) {
      expect(Object.keys(table).sort()).toEqual(expected);
    }
    const notes = notifications.filter((m) => isMethodInVersion(m, '2026-07-28')).sort();
    expect(Object.keys(modernNotificationParams).sort()).toEqual(notes);
    expect(Object.keys(modernNotifications).sort()).toEqual(notes);
    expect(Object.keys(modernInputRequests).sort()).toEqual(
      serverRequests.filter((m) => m !== 'ping').sort(),
    );
    expect(Object.keys(modernInputResponses).sort()).toEqual(
      Object.keys(modernInputRequests).sort(),
    );
  });

  it('legacy (2025-11-25): both directions', () => {
    const expected = [...new Set([...clientRequests, ...serverRequests])]
      .filter((m) => isMethodInVersion(m, '2025-11-25'))
      .sort();
    for (const table of [legacyRequestParams, legacyRequests, legacyResults] as Table[]) {
      expect(Object.keys(table).sort()).toEqual(expected);
    }
    const notes = notifications.filter((m) => isMethodInVersion(m, '2025-11-25')).sort();
    expect(Object.keys(legacyNotificationParams).sort()).toEqual(notes);
    expect(Object.keys(legacyNotifications).sort()).toEqual(notes);
  });
});

describe('tables are safe to index with wire input', () => {
  it('finds nothing for prototype member names', () => {
    for (const table of [modernRequestParams, legacyRequestParams, modernNotificationParams]) {
      for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        expect(validatorFor(table, method)).toBeUndefined();
      }
      expect(Object.isFrozen(table)).toBe(true);
    }
    expect(validatorFor(modernRequestParams, 'tools/call')).toBe(modernRequestParams['tools/call']);
  });
});

describe('modern requests', () => {
  const call = {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { _meta: meta, name: 'get_weather', arguments: { city: 'Paris' } },
  };

  it('accept a tools/call and explain a bad one from the message root', () => {
    expect(modernRequests['tools/call'].is(call)).toBe(true);
    const bad = { ...call, params: { ...call.params, arguments: 'Paris' } };
    expect(issues(modernRequests['tools/call'], bad)).toEqual([
      'params.arguments: expected object, got string',
    ]);
  });

  it('require protocol version and client capabilities in _meta on every request', () => {
    expect(issues(modernRequestParams['tools/list'], {})).toEqual([
      '_meta: missing required property (expected object)',
    ]);
    expect(issues(modernRequestParams['server/discover'], { _meta: {} })).toEqual([
      '_meta["io.modelcontextprotocol/protocolVersion"]: missing required property (expected string)',
      '_meta["io.modelcontextprotocol/clientCapabilities"]: missing required property (expected object)',
    ]);
  });

  it('accept an MRTR retry carrying input responses and request state', () => {
    const retry = {
      ...call.params,
      requestState: 'sealed',
      inputResponses: {
        login: { action: 'accept', content: { name: 'octocat' } },
        roots: { roots: [{ uri: 'file:///repo' }] },
      },
    };
    expect(modernRequestParams['tools/call'].is(retry)).toBe(true);
    const wrong = { ...retry, inputResponses: { login: { action: 'maybe' } } };
    expect(issues(modernRequestParams['tools/call'], wrong)).toEqual([
      'inputResponses.login.action: expected one of "accept", "decline", "cancel", got "maybe"',
    ]);
  });
});

describe('modern results', () => {
  it('tell a final result from an input-required one by resultType', () => {
    const final = { resultType: 'complete', content: [{ type: 'text', text: '21°C' }] };
    const ask = {
      resultType: 'input_required',
      inputRequests: {
        login: {
          method: 'elicitation/create',
          params: {
            message: 'Name?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
          },
        },
      },
    };
    expect(modernResults['tools/call'].is(final)).toBe(true);
    expect(modernResults['tools/call'].is(ask)).toBe(true);
    expect(modernResults['tools/list'].is(ask)).toBe(false);
    expect(issues(modernResults['tools/call'], { resultType: 'input_required' })).toEqual([
      'an input-required result needs "inputRequests", "requestState" or both',
    ]);
    expect(issues(modernResults['tools/call'], { resultType: 'task', task: {} })).toEqual([
      'resultType: expected one of "complete", "input_required", got "task"',
    ]);
    expect(issues(modernResults['tools/call'], { resultType: 'complete' })).toEqual([
      'content: missing required property (expected array)',
    ]);
  });

  it('accept results without cache hints, which clients read as ttlMs 0', () => {
    expect(modernResults['tools/list'].is({ resultType: 'complete', tools: [] })).toBe(true);
    expect(modernResults['tools/list'].is({ resultType: 'complete', tools: [], ttlMs: 1.5 })).toBe(
      false,
    );
  });

  it('check MRTR input requests and responses by method', () => {
    expect(modernInputRequests['roots/list'].is({ method: 'roots/list' })).toBe(true);
    expect(modernInputResponses['sampling/createMessage'].is({ action: 'accept' })).toBe(false);
  });
});

describe('legacy tables', () => {
  it('accept absent params where a request or notification may leave them out', () => {
    expect(legacyRequestParams.ping.is(undefined)).toBe(true);
    expect(legacyRequestParams['tools/list'].is(undefined)).toBe(true);
    expect(legacyRequestParams['tools/call'].is(undefined)).toBe(false);
    expect(legacyNotificationParams['notifications/initialized'].is(undefined)).toBe(true);
  });

  it('check server-to-client requests and their results', () => {
    const elicit = {
      message: 'Log in',
      mode: 'url',
      url: 'https://example.com',
      elicitationId: 'e1',
    };
    expect(legacyRequestParams['elicitation/create'].is(elicit)).toBe(true);
    const { elicitationId: _dropped, ...withoutId } = elicit;
    expect(issues(legacyRequestParams['elicitation/create'], withoutId)).toEqual([
      'elicitationId: missing required property (expected string)',
    ]);
    expect(legacyResults['roots/list'].is({ roots: [{ uri: 'file:///a' }] })).toBe(true);
    expect(legacyResults['sampling/createMessage'].is({ role: 'assistant', model: 'm' })).toBe(
      false,
    );
  });

  it('need no _meta or resultType, unlike modern messages', () => {
    expect(legacyRequestParams['tools/call'].is({ name: 't' })).toBe(true);
    expect(legacyResults['tools/call'].is({ content: [] })).toBe(true);
    expect(legacyResults['tools/call'].is({ content: [], structuredContent: [1] })).toBe(false);
  });
});
