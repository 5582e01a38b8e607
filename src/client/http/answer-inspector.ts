// What the HTTP transport learns from answers passing through it: the version `initialize`
// negotiated, the era a server turned out to speak, and the header parameters of its tools.
import type { JsonRpcRequest } from '../../spec/jsonrpc.js';
import { isLegacyVersion } from '../../spec/versions.js';
import type { HttpServerKind } from './era-memory.js';
import type { HttpTransportWarning } from './http-client-options.js';
import type { ToolHeaderParams } from './tool-header-params.js';

export interface AnswerInspectorSettings {
  tools: ToolHeaderParams;
  warn: (warning: HttpTransportWarning) => void;
  /** A successful answer showed what the server speaks. */
  settled: (kind: HttpServerKind) => void;
}

export interface Inspected {
  /** The response to hand to the engine (a `tools/list` result may have lost tools). */
  response: unknown;
  /** The legacy version an `initialize` result chose. */
  negotiatedVersion?: string;
}

export class AnswerInspector {
  readonly #settings: AnswerInspectorSettings;

  constructor(settings: AnswerInspectorSettings) {
    this.#settings = settings;
  }

  /** Looks at the response to `request`; `overHttpSse` says which legacy wire carried it. */
  inspect(
    request: JsonRpcRequest,
    modern: boolean,
    response: unknown,
    overHttpSse: boolean,
  ): Inspected {
    const result = resultOf(response);
    if (result === undefined) return { response };
    if (request.method === 'initialize') {
      const version = result['protocolVersion'];
      if (!isLegacyVersion(version)) return { response };
      this.#settings.settled(overHttpSse ? 'legacy-sse' : 'legacy');
      return { response, negotiatedVersion: version };
    }
    if (!modern) return { response };
    this.#settings.settled('modern');
    if (request.method !== 'tools/list' || !Array.isArray(result['tools'])) return { response };
    // Clients on Streamable HTTP must leave out tools with invalid `x-mcp-header` annotations.
    const screening = this.#settings.tools.learn(result['tools'] as unknown[]);
    for (const rejected of screening.rejected) {
      this.#settings.warn({ kind: 'tool-rejected', tool: rejected.name, reason: rejected.reason });
    }
    if (screening.rejected.length === 0) return { response };
    return {
      response: {
        ...(response as Record<string, unknown>),
        result: { ...result, tools: screening.accepted },
      },
    };
  }
}

function resultOf(response: unknown): Record<string, unknown> | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const result = (response as Record<string, unknown>)['result'];
  return typeof result === 'object' && result !== null && !Array.isArray(result)
    ? (result as Record<string, unknown>)
    : undefined;
}
