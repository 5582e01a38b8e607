// Accept and Content-Type as the MCP endpoint reads them.
import { describe, expect, it } from 'vitest';
import { acceptsMediaType, isJsonContentType } from './media-types.js';

describe('acceptsMediaType', () => {
  it.each([
    ['application/json, text/event-stream', 'application/json', true],
    ['application/json, text/event-stream', 'text/event-stream', true],
    ['text/event-stream', 'application/json', false],
    ['*/*', 'text/event-stream', true],
    ['application/*', 'application/json', true],
    ['application/*', 'text/event-stream', false],
    ['TEXT/EVENT-STREAM', 'text/event-stream', true],
    ['application/json;q=0, */*', 'application/json', false],
    ['text/*;q=0, text/event-stream', 'text/event-stream', true],
    ['application/json; q=0.5', 'application/json', true],
    ['application/json;q=2', 'application/json', false],
    ['', 'application/json', false],
    ['json', 'application/json', false],
  ])('%j allows %s: %s', (header, type, expected) => {
    expect(acceptsMediaType(header, type)).toBe(expected);
  });

  it('a missing Accept header allows nothing (the spec requires clients to send it)', () => {
    expect(acceptsMediaType(null, 'application/json')).toBe(false);
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON; Charset="UTF-8"', true],
    ['application/json;charset=utf8', true],
    ['application/json; charset=latin1', false],
    ['text/plain', false],
    ['application/jsonx', false],
    ['application/x-www-form-urlencoded', false],
    ['', false],
  ])('%j: %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });

  it('a missing Content-Type is not JSON', () => {
    expect(isJsonContentType(null)).toBe(false);
  });
});
