// @ts-check
// The client the MCP conformance referee (`@modelcontextprotocol/conformance client`) runs: the
// mock server's URL is the last argument, the scenario name is in MCP_CONFORMANCE_SCENARIO.
// Built on mcpkit's public client API only; it exercises whatever the server offers, generically.
import { McpClient } from 'mcpkit/client';
import { HTTP_TRANSPORT_ERROR_CODE, StreamableHttpClientTransport } from 'mcpkit/client/http';
import { ProtocolError } from 'mcpkit/jsonrpc';
import { isProtocolVersion } from 'mcpkit/spec';
import { conformanceHandlers, log, objectFor, promptArgumentsFor } from './client-answers.js';

/** @typedef {{ name: string, arguments: Record<string, unknown> }} ToolCall */
/** @typedef {{ toolCalls?: ToolCall[] }} ScenarioContext */

const url = process.argv.at(-1);
const scenario = process.env['MCP_CONFORMANCE_SCENARIO'] ?? '';
/** @type {ScenarioContext} */
const context = JSON.parse(process.env['MCP_CONFORMANCE_CONTEXT'] ?? '{}');
// The referee names the revision to run (dated ones through 2025-11-25 use `initialize`,
// 2026-07-28 is stateless); without it, mcpkit detects the era itself.
const asked = process.env['MCP_CONFORMANCE_PROTOCOL_VERSION'];
/** @type {import('mcpkit/client').VersionChoice} */
const version = isProtocolVersion(asked) ? asked : 'auto';

/** Steps that failed; any makes the exit code 1, after every other step has had its turn. */
const failures = /** @type {string[]} */ ([]);

/**
 * Runs one step, recording a failure instead of stopping, so one refusal does not hide what the
 * referee would check next.
 * @param {string} what
 * @param {() => Promise<unknown>} step
 */
async function attempt(what, step) {
  try {
    const result = await step();
    log(`${what}: ok${result === undefined ? '' : ` ${brief(result)}`}`);
  } catch (error) {
    if (isServerAnswer(error)) {
      // The server said no (a mock may list a tool it does not serve): its answer, not a fault here.
      log(`${what}: the server answered with error ${error.code} "${error.message}"`);
      return;
    }
    failures.push(what);
    log(`${what}: FAILED ${describe(error)}`);
  }
}

/**
 * A JSON-RPC error the server sent, as opposed to one the HTTP transport made up for a failed
 * exchange (those carry `data.kind`) or a local error (timeout, invalid answer …).
 * @param {unknown} error
 * @returns {error is ProtocolError}
 */
function isServerAnswer(error) {
  if (!(error instanceof ProtocolError)) return false;
  const data = /** @type {{ kind?: unknown } | undefined} */ (error.data);
  return !(error.code === HTTP_TRANSPORT_ERROR_CODE && typeof data?.kind === 'string');
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** @param {unknown} value */
function brief(value) {
  const text = JSON.stringify(value) ?? '';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Scenarios that ask for particular calls rather than a walk over every tool. Only one does: it
 * asks the client to hand a tool's input schema back, to see what survived the client's parsing.
 * @type {Record<string, (tools: import('mcpkit/spec').Tool[]) => ToolCall[]>}
 */
const SCENARIO_CALLS = {
  'json-schema-2020-12-preservation': (tools) => {
    const focal = tools.find((tool) => tool.name === 'json_schema_2020_12_tool');
    return [{ name: 'json_schema_echo', arguments: { schema: focal?.inputSchema } }];
  },
};

/**
 * The tools to call: those the referee named in its context or the scenario asks for, else every
 * listed tool with the arguments its input schema asks for.
 * @param {import('mcpkit/spec').Tool[]} tools
 * @returns {ToolCall[]}
 */
function toolCallsFor(tools) {
  if (Array.isArray(context.toolCalls)) return context.toolCalls;
  const special = SCENARIO_CALLS[scenario];
  if (special !== undefined) return special(tools);
  return tools.map((tool) => ({ name: tool.name, arguments: objectFor(tool.inputSchema) }));
}

/** Lists and uses everything the server declares: tools, resources, prompts. @param {McpClient} client */
async function exercise(client) {
  const capabilities = client.serverCapabilities;
  /** @type {import('mcpkit/spec').Tool[]} */
  let tools = [];
  if (capabilities.tools !== undefined) {
    await attempt('tools/list', async () => {
      tools = await client.allTools();
      return tools.map((tool) => tool.name);
    });
    for (const call of toolCallsFor(tools)) {
      await attempt(`tools/call ${call.name}`, () => client.callTool(call.name, call.arguments));
    }
  }
  if (capabilities.resources !== undefined) {
    /** @type {import('mcpkit/spec').Resource[]} */
    let resources = [];
    await attempt('resources/list', async () => {
      resources = await client.allResources();
      return resources.map((resource) => resource.uri);
    });
    for (const resource of resources) {
      await attempt(`resources/read ${resource.uri}`, () => client.readResource(resource.uri));
    }
  }
  if (capabilities.prompts !== undefined) {
    /** @type {import('mcpkit/spec').Prompt[]} */
    let prompts = [];
    await attempt('prompts/list', async () => {
      prompts = await client.allPrompts();
      return prompts.map((prompt) => prompt.name);
    });
    for (const prompt of prompts) {
      await attempt(`prompts/get ${prompt.name}`, () =>
        client.getPrompt(prompt.name, promptArgumentsFor(prompt.arguments)),
      );
    }
  }
}

async function main() {
  if (url === undefined || !/^https?:\/\//.test(url)) {
    log('usage: node conformance/client.js <server-url> (scenario in MCP_CONFORMANCE_SCENARIO)');
    return 2;
  }
  log(`scenario "${scenario}", version ${version}, server ${url}`);
  const client = new McpClient(
    { name: 'mcpkit-conformance-client', version: '0.1.0' },
    { version, handlers: conformanceHandlers() },
  );
  try {
    await client.connect(() => {
      const transport = new StreamableHttpClientTransport(url);
      transport.onWarning((warning) => log(`transport warning: ${brief(warning)}`));
      return transport;
    });
  } catch (error) {
    log(`connect: FAILED ${describe(error)}`);
    return 1;
  }
  log(`connected: ${client.era} ${client.protocolVersion}, server ${brief(client.serverInfo)}`);
  await exercise(client);
  await attempt('close', () => client.close());
  if (failures.length > 0) log(`failed steps: ${failures.join(', ')}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
