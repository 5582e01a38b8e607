// classifyMessage and the JSON-RPC envelope validators: every kind of message, and the malformed
// ones SECURITY.md lists, each with the issue a peer would be told about.
import { describe, expect, it } from 'vitest';
import {
  classifyMessage,
  jsonRpcErrorResponse,
  jsonRpcNotification,
  jsonRpcRequest,
  messageKind,
} from './envelope.js';
import { formatIssue } from './validator.js';

function invalid(value: unknown): { issues: string[]; id: unknown } {
  const classified = classifyMessage(value);
  if (classified.kind !== 'invalid') throw new Error(`expected invalid, got ${classified.kind}`);
  return { issues: classified.issues.map(formatIssue), id: classified.id };
}

describe('classifyMessage', () => {
  it('sorts valid messages by kind and hands the message back', () => {
    const request = { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
    expect(classifyMessage(request)).toEqual({ kind: 'request', message: request });
    expect(classifyMessage({ jsonrpc: '2.0', id: 'a', method: 'ping' }).kind).toBe('request');
    expect(classifyMessage({ jsonrpc: '2.0', method: 'notifications/initialized' }).kind).toBe(
      'notification',
    );
    expect(classifyMessage({ jsonrpc: '2.0', id: 1, result: {} }).kind).toBe('result');
    const error = { code: -32601, message: 'Method not found' };
    expect(classifyMessage({ jsonrpc: '2.0', id: 1, error }).kind).toBe('error');
    expect(classifyMessage({ jsonrpc: '2.0', error }).kind).toBe('error');
    expect(classifyMessage({ jsonrpc: '2.0', id: null, error }).kind).toBe('error');
  });

  it('rejects what is not an object, batches included', () => {
    for (const value of [1, 'x', null, true, [], [{ jsonrpc: '2.0', method: 'ping', id: 1 }]]) {
      expect(invalid(value).issues).toHaveLength(1);
      expect(invalid(value).id).toBeNull();
    }
    expect(invalid([]).issues[0]).toMatch(/got array$/);
    expect(invalid({ jsonrpc: '2.0' }).issues[0]).toMatch(/"method", "result" or "error"/);
  });

  it('insists on jsonrpc "2.0"', () => {
    expect(invalid({ id: 1, method: 'ping' }).issues).toEqual([
      'jsonrpc: missing required property (expected "2.0")',
    ]);
    expect(invalid({ jsonrpc: '1.0', id: 1, method: 'ping' }).issues).toEqual([
      'jsonrpc: expected "2.0", got "1.0"',
    ]);
    expect(invalid({ jsonrpc: 2.0, id: 1, method: 'ping' }).issues).toEqual([
      'jsonrpc: expected "2.0", got 2',
    ]);
  });

  it('requires a string or integer id on requests, and says which id it could read', () => {
    for (const id of [null, 1.5, {}, [], true]) {
      const { issues, id: readable } = invalid({ jsonrpc: '2.0', id, method: 'ping' });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^id: expected (string or )?integer, got /);
      expect(readable).toBeNull();
    }
    expect(invalid({ jsonrpc: '2.0', id: 7, method: 3 })).toEqual({
      issues: ['method: expected string, got number'],
      id: 7,
    });
  });

  it('requires params to be an object when present', () => {
    expect(invalid({ jsonrpc: '2.0', id: 1, method: 'x', params: [1] }).issues).toEqual([
      'params: expected object, got array',
    ]);
    expect(invalid({ jsonrpc: '2.0', method: 'x', params: null }).issues).toEqual([
      'params: expected object, got null',
    ]);
  });

  it('rejects messages that are two kinds at once', () => {
    expect(
      invalid({ jsonrpc: '2.0', id: 1, result: {}, error: { code: 1, message: 'm' } }).issues,
    ).toEqual(['a response has exactly one of "result" and "error", and no "method"']);
    expect(invalid({ jsonrpc: '2.0', id: 1, method: 'ping', result: {} }).issues).toEqual([
      'a request must not carry "result" or "error"',
    ]);
  });

  it('checks responses: result is an object with an id, error has an integer code', () => {
    expect(invalid({ jsonrpc: '2.0', result: {} }).issues).toEqual([
      'id: missing required property (expected string or integer)',
    ]);
    expect(invalid({ jsonrpc: '2.0', id: 1, result: 'ok' }).issues).toEqual([
      'result: expected object, got string',
    ]);
    expect(invalid({ jsonrpc: '2.0', id: 1, error: { code: 1.5, message: 'm' } }).issues).toEqual([
      'error.code: expected integer, got 1.5',
    ]);
  });

  it('reads the id of an invalid request so the error can name it', () => {
    expect(invalid({ jsonrpc: '1.0', id: 'req-9', method: 'ping' }).id).toBe('req-9');
  });
});

describe('messageKind', () => {
  it('gives the kind of a valid message and undefined otherwise', () => {
    expect(messageKind({ jsonrpc: '2.0', id: 1, method: 'ping' })).toBe('request');
    expect(messageKind({ jsonrpc: '2.0', method: 'n' })).toBe('notification');
    expect(messageKind({ jsonrpc: '2.0', id: null, method: 'ping' })).toBeUndefined();
    expect(messageKind('nope')).toBeUndefined();
  });
});

describe('envelope validators on their own', () => {
  it('a notification carries no id', () => {
    expect(jsonRpcNotification.is({ jsonrpc: '2.0', method: 'n', id: 1 })).toBe(false);
  });

  it('a request may have any method and params', () => {
    expect(jsonRpcRequest.is({ jsonrpc: '2.0', id: 0, method: '', params: { a: [1] } })).toBe(true);
  });

  it('an error response may carry any JSON data', () => {
    const error = { code: -32603, message: 'Internal error', data: { trace: [1, null] } };
    expect(jsonRpcErrorResponse.is({ jsonrpc: '2.0', id: 1, error })).toBe(true);
  });
});
