// Runs the host's handlers for what a server asks — as legacy server-to-client requests or as
// the input requests of a modern `InputRequiredResult` — and checks the answers before they go.
import { ProtocolError, UsageError } from '../jsonrpc/errors.js';
import { compileJsonSchema, describeIssues } from '../schema/index.js';
import type {
  CreateMessageRequestParams,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  InputRequests,
  InputResponses,
} from '../spec/types/index.js';
import type { ClientHandlers, InputHandlerContext } from './options.js';

export type InputMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list';

/** Answers one question with the host's handler; a question without a handler is -32601. */
export async function answerInput(
  handlers: ClientHandlers,
  method: string,
  params: Record<string, unknown> | undefined,
  context: InputHandlerContext,
): Promise<Record<string, unknown>> {
  switch (method) {
    case 'elicitation/create': {
      if (handlers.elicit === undefined) throw ProtocolError.methodNotFound(method);
      const request = params as unknown as ElicitRequestFormParams | ElicitRequestURLParams;
      const result = await handlers.elicit(request, context);
      checkElicited(request, result);
      return result;
    }
    case 'sampling/createMessage':
      if (handlers.sample === undefined) throw ProtocolError.methodNotFound(method);
      return handlers.sample(params as unknown as CreateMessageRequestParams, context);
    case 'roots/list':
      if (handlers.listRoots === undefined) throw ProtocolError.methodNotFound(method);
      return handlers.listRoots(context);
    default:
      throw ProtocolError.methodNotFound(method);
  }
}

/**
 * Elicited form content must match the schema the server asked with: a host bug must not hand
 * the server data it never asked for.
 */
function checkElicited(
  request: ElicitRequestFormParams | ElicitRequestURLParams,
  result: ElicitResult,
): void {
  if (result.action !== 'accept' || request.mode === 'url' || result.content === undefined) return;
  const compiled = compileJsonSchema(request.requestedSchema as Record<string, unknown>);
  const checked = compiled.validate(result.content);
  if (!checked.ok) {
    throw new UsageError(
      `The elicitation answer does not match the requested schema: ${describeIssues(checked.issues)}`,
    );
  }
}

/** Answers every input request of a modern round, concurrently. */
export async function answerInputRequests(
  handlers: ClientHandlers,
  requests: InputRequests,
  context: InputHandlerContext,
): Promise<InputResponses> {
  const entries = await Promise.all(
    Object.entries(requests).map(async ([key, request]) => {
      if (request === undefined) return [key, undefined] as const;
      const answer = await answerInput(handlers, request.method, request.params, context);
      return [key, answer] as const;
    }),
  );
  const responses: Record<string, unknown> = {};
  for (const [key, answer] of entries) if (answer !== undefined) responses[key] = answer;
  return responses as InputResponses;
}
