// The capabilities a client declares, derived from the handlers the host registered: a client
// never claims to answer what it has no handler for.
import type { ClientCapabilities, LegacyClientCapabilities } from '../spec/types/index.js';
import type { LegacyProtocolVersion } from '../spec/versions.js';
import type { McpClientOptions } from './options.js';

export function modernCapabilities(options: McpClientOptions): ClientCapabilities {
  const { handlers = {} } = options;
  const capabilities: ClientCapabilities = {};
  if (handlers.elicit !== undefined) {
    const modes = options.elicitationModes ?? ['form'];
    capabilities.elicitation = {};
    if (modes.includes('form')) capabilities.elicitation.form = {};
    if (modes.includes('url')) capabilities.elicitation.url = {};
  }
  if (handlers.sample !== undefined)
    capabilities.sampling = options.samplingTools === true ? { tools: {} } : {};
  if (handlers.listRoots !== undefined) capabilities.roots = {};
  return capabilities;
}

/** The same, as a legacy revision names it (elicitation came in 2025-06-18, its modes in 2025-11-25). */
export function legacyCapabilities(
  options: McpClientOptions,
  version: LegacyProtocolVersion,
): LegacyClientCapabilities {
  const modern = modernCapabilities(options);
  const capabilities: LegacyClientCapabilities = {};
  if (modern.elicitation !== undefined && version >= '2025-06-18') {
    capabilities.elicitation = version >= '2025-11-25' ? modern.elicitation : {};
  }
  if (modern.sampling !== undefined) {
    capabilities.sampling = version >= '2025-11-25' ? modern.sampling : {};
  }
  if (modern.roots !== undefined) capabilities.roots = { listChanged: true };
  return capabilities;
}
