// The per-origin era memory: keyed by origin, seeded from what a host persisted, refusing junk.
import { describe, expect, it } from 'vitest';
import { HttpEraMemory } from './era-memory.js';

describe('HttpEraMemory', () => {
  it('keys by origin, so every path on a server shares one entry', () => {
    const memory = new HttpEraMemory();
    memory.set('https://a.example:8443/mcp?x=1', 'legacy');
    expect(memory.get('https://a.example:8443/other')).toBe('legacy');
    expect(memory.get('https://a.example/mcp')).toBeUndefined();
    expect(memory.get('http://a.example:8443/mcp')).toBeUndefined();
    memory.forget('https://a.example:8443/');
    expect(memory.get('https://a.example:8443/mcp')).toBeUndefined();
  });

  it('round-trips through toJSON, and skips unknown kinds in a seed', () => {
    const memory = new HttpEraMemory({
      'https://m.example/mcp': 'modern',
      'http://127.0.0.1:9': 'legacy-sse',
      'https://junk.example': 'ancient',
    });
    expect(memory.toJSON()).toEqual({
      'https://m.example': 'modern',
      'http://127.0.0.1:9': 'legacy-sse',
    });
    expect(new HttpEraMemory(JSON.parse(JSON.stringify(memory))).toJSON()).toEqual(memory.toJSON());
    memory.clear();
    expect(memory.toJSON()).toEqual({});
  });
});
