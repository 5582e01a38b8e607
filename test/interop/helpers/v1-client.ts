// The v1 official SDK (`@modelcontextprotocol/sdk` 1.x) as an InteropClient: a 2025-era client
// that always sends `initialize` and answers elicitation, sampling and roots as real requests,
// over its stdio transport by default, or any other of its transports (HTTP, HTTP+SSE).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
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

/** The SDK's stdio transport, spawning the everything server. */
export function v1Stdio(): ClientLink<Transport> {
  const transport = new StdioClientTransport(serverProcess());
  const stderr: string[] = [];
  collectLines(transport.stderr, stderr);
  return { transport, stderr };
}

export async function connectV1(link: ClientLink<Transport> = v1Stdio()): Promise<InteropClient> {
  const client = new Client(CLIENT_INFO, {
    capabilities: { elicitation: {}, sampling: {}, roots: {} },
  });
  const asked: AskedInputs = { elicitations: [], samplings: [], rootsListed: 0 };
  const logs: LoggingMessageNotificationParams[] = [];
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    asked.elicitations.push(request.params as ElicitRequestParams);
    return { ...ELICITATION_ANSWER };
  });
  client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    asked.samplings.push(request.params as CreateMessageRequestParams);
    return { ...SAMPLING_ANSWER };
  });
  client.setRequestHandler(ListRootsRequestSchema, () => {
    asked.rootsListed++;
    return { roots: [...ROOTS] };
  });
  client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    logs.push(notification.params as LoggingMessageNotificationParams);
  });

  const { transport, stderr } = link;
  const wire = WireTap.attach(transport);
  await client.connect(transport);

  return {
    label: '@modelcontextprotocol/sdk 1.x',
    wire,
    asked,
    logs,
    stderr,
    era: () => 'legacy',
    protocolVersion: () => {
      const [initialize] = wire.requestsSent('initialize');
      const result = initialize === undefined ? undefined : wire.responseTo(initialize)?.result;
      return result?.['protocolVersion'] as string | undefined;
    },
    serverInfo: () => client.getServerVersion() as Implementation | undefined,
    instructions: () => client.getInstructions(),
    capabilities: () => client.getServerCapabilities() as ServerCapabilities | undefined,
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
      if (options.logLevel !== undefined) await client.setLoggingLevel(options.logLevel);
      const onprogress = options.onProgress;
      const result = await client.callTool(
        { name, arguments: args },
        CallToolResultSchema,
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
