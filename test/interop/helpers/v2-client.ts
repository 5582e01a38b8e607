// The v2 official SDK (`@modelcontextprotocol/client` 2.x) as an InteropClient, in its default
// legacy mode (`initialize`) or opted into 2026-07-28 (`server/discover`, `_meta` on every
// request, client input through multi round-trip retries instead of server→client requests),
// over its stdio transport by default, or its Streamable HTTP one.
import {
  Client,
  type DiscoverResult,
  type Transport,
  type VersionNegotiationOptions,
} from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { MetaKey } from '../../../src/spec/meta-keys.js';
import type {
  CallToolResult,
  CompleteResult,
  CreateMessageRequestParams,
  ElicitRequestParams,
  GetPromptResult,
  Implementation,
  LoggingMessageNotificationParams,
  Prompt,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ServerCapabilities,
  Tool,
} from '../../../src/spec/types/index.js';
import {
  CLIENT_INFO,
  ELICITATION_ANSWER,
  ROOTS,
  SAMPLING_ANSWER,
  collectLines,
  serverProcess,
  type AskedInputs,
  type ClientLink,
  type InteropClient,
} from './interop-client.js';
import { WireTap } from './wire-tap.js';

export interface V2Client extends InteropClient {
  /** The `server/discover` result the client negotiated with (2026-07-28 only). */
  discoverResult(): DiscoverResult | undefined;
}

/** The SDK's stdio transport, spawning the everything server. */
export function v2Stdio(): ClientLink<Transport> {
  const transport = new StdioClientTransport(serverProcess());
  const stderr: string[] = [];
  collectLines(transport.stderr, stderr);
  return { transport, stderr };
}

/**
 * `versionNegotiation` undefined is the SDK's default, the plain 2025 handshake; `{ mode: 'auto' }`
 * probes with `server/discover` first and falls back to `initialize` unless the server is
 * definitely modern; `{ mode: { pin: '2026-07-28' } }` accepts nothing else.
 */
export async function connectV2(
  versionNegotiation?: VersionNegotiationOptions,
  link: ClientLink<Transport> = v2Stdio(),
): Promise<V2Client> {
  const client = new Client(CLIENT_INFO, {
    capabilities: { elicitation: { form: {} }, sampling: {}, roots: {} },
    ...(versionNegotiation === undefined ? {} : { versionNegotiation }),
  });
  const asked: AskedInputs = { elicitations: [], samplings: [], rootsListed: 0 };
  const logs: LoggingMessageNotificationParams[] = [];
  // On 2026-07-28 the same handlers fulfil the input requests of an `input_required` result.
  client.setRequestHandler('elicitation/create', (request) => {
    asked.elicitations.push(request.params as ElicitRequestParams);
    return { ...ELICITATION_ANSWER };
  });
  client.setRequestHandler('sampling/createMessage', (request) => {
    asked.samplings.push(request.params as CreateMessageRequestParams);
    return { ...SAMPLING_ANSWER };
  });
  client.setRequestHandler('roots/list', () => {
    asked.rootsListed++;
    return { roots: [...ROOTS] };
  });
  client.setNotificationHandler('notifications/message', (notification) => {
    logs.push(notification.params as LoggingMessageNotificationParams);
  });

  const { transport, stderr } = link;
  const wire = WireTap.attach(transport);
  await client.connect(transport);
  const era = client.getProtocolEra();
  if (era === undefined) throw new Error('The v2 client connected without an era');

  return {
    label: `@modelcontextprotocol/client 2.x (${versionNegotiation === undefined ? 'default' : JSON.stringify(versionNegotiation.mode)})`,
    wire,
    asked,
    logs,
    stderr,
    era: () => era,
    protocolVersion: () => client.getNegotiatedProtocolVersion(),
    serverInfo: () => client.getServerVersion() as Implementation | undefined,
    instructions: () => client.getInstructions(),
    capabilities: () => client.getServerCapabilities() as ServerCapabilities | undefined,
    discoverResult: () => client.getDiscoverResult(),
    // Without a cursor the v2 client walks every page itself; with one it returns that page.
    listTools: async (cursor) => {
      const page = await client.listTools(cursor === undefined ? undefined : { cursor });
      return { items: page.tools as Tool[], nextCursor: page.nextCursor };
    },
    listResources: async (cursor) => {
      const page = await client.listResources(cursor === undefined ? undefined : { cursor });
      return { items: page.resources as Resource[], nextCursor: page.nextCursor };
    },
    listResourceTemplates: async (cursor) => {
      const page = await client.listResourceTemplates(
        cursor === undefined ? undefined : { cursor },
      );
      return { items: page.resourceTemplates as ResourceTemplate[], nextCursor: page.nextCursor };
    },
    listPrompts: async (cursor) => {
      const page = await client.listPrompts(cursor === undefined ? undefined : { cursor });
      return { items: page.prompts as Prompt[], nextCursor: page.nextCursor };
    },
    callTool: async (name, args = {}, options = {}) => {
      const { logLevel, onProgress: onprogress } = options;
      let meta: Record<string, unknown> | undefined;
      if (logLevel !== undefined && era === 'modern') meta = { [MetaKey.LogLevel]: logLevel };
      else if (logLevel !== undefined) await client.setLoggingLevel(logLevel);
      const result = await client.callTool(
        { name, arguments: args, ...(meta === undefined ? {} : { _meta: meta }) },
        onprogress === undefined ? {} : { onprogress },
      );
      return result as CallToolResult;
    },
    readResource: async (uri) => (await client.readResource({ uri })) as ReadResourceResult,
    getPrompt: async (name, args) =>
      (await client.getPrompt(
        args === undefined ? { name } : { name, arguments: args },
      )) as GetPromptResult,
    complete: async (ref, argument) => (await client.complete({ ref, argument })) as CompleteResult,
    close: () => client.close(),
  };
}
