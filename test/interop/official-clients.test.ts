// Interop over stdio: the official SDK clients (`@modelcontextprotocol/sdk` 1.x, and
// `@modelcontextprotocol/client` 2.x in its legacy and its 2026-07-28 mode) spawn
// the demo server (`node dist/cli/main.js demo`) through their own stdio transport, then list and
// call every tool, resource and prompt, including elicitation, sampling and roots round trips.
// The server is the built CLI: run `npm run build` first (`npm test` does it).
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/spec/error-codes.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  everythingServerTests,
  text,
  type EverythingSetup,
} from './helpers/everything-server-suite.js';
import { connectV1 } from './helpers/v1-client.js';
import { connectV2 } from './helpers/v2-client.js';

const SETUPS: EverythingSetup[] = [
  {
    name: '@modelcontextprotocol/sdk 1.x',
    era: 'legacy',
    version: '2025-11-25',
    connect: () => connectV1(),
    sdkResourceNotFoundCode: ErrorCode.ResourceNotFound,
  },
  {
    name: '@modelcontextprotocol/client 2.x, default (legacy) mode',
    era: 'legacy',
    version: '2025-11-25',
    connect: () => connectV2(),
    // v2 folds a received -32002 into its ResourceNotFoundError, whose code is -32602.
    sdkResourceNotFoundCode: ErrorCode.InvalidParams,
  },
  {
    name: '@modelcontextprotocol/client 2.x, versionNegotiation auto (2026-07-28)',
    era: 'modern',
    version: '2026-07-28',
    connect: () => connectV2({ mode: 'auto' }),
    sdkResourceNotFoundCode: ErrorCode.InvalidParams,
  },
];

describe.each(SETUPS)('$name', (setup) => {
  everythingServerTests(setup);
});

describe('@modelcontextprotocol/client 2.x pinned to 2026-07-28', () => {
  it('connects without any fallback and calls a tool with the modern envelope', async () => {
    const client = await connectV2({ mode: { pin: '2026-07-28' } });
    try {
      expect(client.era()).toBe('modern');
      expect(client.protocolVersion()).toBe('2026-07-28');
      expect(client.discoverResult()?.supportedVersions).toContain('2026-07-28');
      const result = await client.callTool('echo', { text: 'pinned' });
      expect(text(result)).toBe('pinned');
      const [call] = client.wire.requestsSent('tools/call');
      expect(call?.params?.['_meta']).toMatchObject({
        [MetaKey.ProtocolVersion]: '2026-07-28',
        [MetaKey.ClientCapabilities]: { elicitation: { form: {} }, sampling: {}, roots: {} },
      });
    } finally {
      await client.close();
    }
  }, 20_000);
});
