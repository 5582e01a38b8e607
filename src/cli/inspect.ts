// `mcpkit inspect` and `mcpkit discover`: what a server is and what it offers.
import type { McpClient } from '../client/index.js';
import type { Output } from './output.js';
import { oneLine, summariseSchema } from './output.js';

/** The facts the connection established, plus (modern servers) the versions they support. */
async function describe(client: McpClient): Promise<Record<string, unknown>> {
  const facts: Record<string, unknown> = {
    era: client.era,
    protocolVersion: client.protocolVersion,
    serverInfo: client.serverInfo ?? null,
    instructions: client.instructions ?? null,
    capabilities: client.serverCapabilities,
  };
  if (client.era === 'modern') {
    const discovered = await client.request('server/discover', {});
    if (Array.isArray(discovered['supportedVersions']))
      facts['supportedVersions'] = discovered['supportedVersions'];
  }
  return facts;
}

function printFacts(output: Output, facts: Record<string, unknown>): void {
  const info = facts['serverInfo'] as { name?: string; version?: string; title?: string } | null;
  output.field(
    'server',
    info === null ? '(unknown)' : `${info.name ?? '?'} ${info.version ?? ''}`.trim(),
  );
  if (info?.title !== undefined) output.field('title', info.title);
  output.field('era', String(facts['era']));
  output.field('protocol', String(facts['protocolVersion']));
  if (Array.isArray(facts['supportedVersions']))
    output.field('supports', facts['supportedVersions'].map(String).join(', '));
  const capabilities = Object.keys(facts['capabilities'] as object);
  output.field('capabilities', capabilities.length === 0 ? '(none)' : capabilities.join(', '));
  if (typeof facts['instructions'] === 'string')
    output.field('instructions', oneLine(facts['instructions']));
}

export async function runDiscover(client: McpClient, output: Output): Promise<void> {
  const facts = await describe(client);
  if (output.json) output.document(facts);
  else printFacts(output, facts);
}

export async function runInspect(client: McpClient, output: Output): Promise<void> {
  const facts = await describe(client);
  const offers = client.serverCapabilities;
  const tools = offers.tools === undefined ? [] : await client.allTools();
  const resources = offers.resources === undefined ? [] : await client.allResources();
  const templates = offers.resources === undefined ? [] : await client.allResourceTemplates();
  const prompts = offers.prompts === undefined ? [] : await client.allPrompts();
  if (output.json) {
    output.document({ ...facts, tools, resources, resourceTemplates: templates, prompts });
    return;
  }
  printFacts(output, facts);
  output.heading(`Tools (${tools.length})`);
  output.table(
    ['NAME', 'INPUT', 'DESCRIPTION'],
    tools.map((tool) => [tool.name, summariseSchema(tool.inputSchema), tool.description ?? '']),
  );
  output.heading(`Resources (${resources.length})`);
  output.table(
    ['URI', 'NAME', 'MIME', 'DESCRIPTION'],
    resources.map((r) => [r.uri, r.name, r.mimeType ?? '', r.description ?? '']),
  );
  output.heading(`Resource templates (${templates.length})`);
  output.table(
    ['URI TEMPLATE', 'NAME', 'MIME', 'DESCRIPTION'],
    templates.map((t) => [t.uriTemplate, t.name, t.mimeType ?? '', t.description ?? '']),
  );
  output.heading(`Prompts (${prompts.length})`);
  output.table(
    ['NAME', 'ARGUMENTS', 'DESCRIPTION'],
    prompts.map((p) => [
      p.name,
      (p.arguments ?? []).map((a) => `${a.name}${a.required === true ? '' : '?'}`).join(', '),
      p.description ?? '',
    ]),
  );
}
