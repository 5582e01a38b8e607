// The requests both eras share, written once: lists, calls, reads, prompts, completion. Results
// come back without era decoration; the era adapters add `resultType`, cache hints or trim.
import { ProtocolError } from '../jsonrpc/errors.js';
import { resourceNotFoundCode } from '../spec/error-codes.js';
import { complete } from './completion.js';
import type { ServerContext } from './context.js';
import { paginate } from './pagination.js';
import type { PromptRegistry } from './prompts.js';
import type { ResourceCatalog } from './resources.js';
import type { ToolRegistry } from './tools.js';
import type { ProtocolVersion } from '../spec/versions.js';
import type { MaybePromise } from '../jsonrpc/maybe-async.js';

export interface FeatureSet {
  tools: ToolRegistry;
  resources: ResourceCatalog;
  prompts: PromptRegistry;
  pageSize: number;
  /** Where tool failures that are not `ToolError`s get logged. */
  reportToolFailure: (error: unknown, tool: string) => void;
}

export type FeatureMethod =
  | 'tools/list'
  | 'tools/call'
  | 'resources/list'
  | 'resources/templates/list'
  | 'resources/read'
  | 'prompts/list'
  | 'prompts/get'
  | 'completion/complete';

/** Which server capability each method belongs to (2026-07-28: no capability, -32601). */
export const FEATURE_CAPABILITY: Readonly<
  Record<FeatureMethod, 'tools' | 'resources' | 'prompts' | 'completions'>
> = {
  'tools/list': 'tools',
  'tools/call': 'tools',
  'resources/list': 'resources',
  'resources/templates/list': 'resources',
  'resources/read': 'resources',
  'prompts/list': 'prompts',
  'prompts/get': 'prompts',
  'completion/complete': 'completions',
};

export function isFeatureMethod(method: string): method is FeatureMethod {
  return Object.hasOwn(FEATURE_CAPABILITY, method);
}

type Params = Record<string, unknown>;

/**
 * Runs one feature request; params were validated against the era's schema already. Not
 * `async`: a synchronous tool answers without a promise (a failure may then be thrown).
 */
export function runFeature(
  features: FeatureSet,
  method: FeatureMethod,
  params: Params,
  context: ServerContext,
  version: ProtocolVersion,
): MaybePromise<Record<string, unknown>> {
  switch (method) {
    case 'tools/list': {
      const page = paginate(features.tools.list(), params['cursor'], features.pageSize);
      return withCursor({ tools: page.items }, page.nextCursor);
    }
    case 'tools/call':
      return features.tools.call(
        params['name'],
        params['arguments'],
        context,
        features.reportToolFailure,
      );
    case 'resources/list':
      return listResources(features, params, context);
    case 'resources/templates/list': {
      const page = paginate(
        features.resources.listTemplates(),
        params['cursor'],
        features.pageSize,
      );
      return withCursor({ resourceTemplates: page.items }, page.nextCursor);
    }
    case 'resources/read':
      return readResource(features, params['uri'] as string, context, version);
    case 'prompts/list': {
      const page = paginate(features.prompts.list(), params['cursor'], features.pageSize);
      return withCursor({ prompts: page.items }, page.nextCursor);
    }
    case 'prompts/get':
      return features.prompts.render(params['name'], params['arguments'], context);
    case 'completion/complete':
      return completeArgument(features, params);
  }
}

async function listResources(
  features: FeatureSet,
  params: Params,
  context: ServerContext,
): Promise<Record<string, unknown>> {
  const page = paginate(
    await features.resources.list(context),
    params['cursor'],
    features.pageSize,
  );
  return withCursor({ resources: page.items }, page.nextCursor);
}

async function readResource(
  features: FeatureSet,
  uri: string,
  context: ServerContext,
  version: ProtocolVersion,
): Promise<Record<string, unknown>> {
  const result = await features.resources.read(uri, context);
  if (result === undefined) {
    throw new ProtocolError(resourceNotFoundCode(version), `Resource not found: ${uri}`, { uri });
  }
  return result;
}

function withCursor<T extends Record<string, unknown>>(
  result: T,
  nextCursor: string | undefined,
): T {
  return nextCursor === undefined ? result : { ...result, nextCursor };
}

async function completeArgument(
  features: FeatureSet,
  params: Params,
): Promise<Record<string, unknown>> {
  const ref = params['ref'] as { type: string; name?: string; uri?: string };
  const argument = params['argument'] as { name: string; value: string };
  const context =
    (params['context'] as { arguments?: Record<string, string> } | undefined)?.arguments ?? {};
  const completers =
    ref.type === 'ref/prompt'
      ? features.prompts.completersFor(ref.name as string)
      : features.resources.templates.completersFor(ref.uri as string);
  return { completion: await complete(completers, argument.name, argument.value, context) };
}
