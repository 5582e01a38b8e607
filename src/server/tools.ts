// The tool registry: definitions compiled once at registration (schemas converted and their
// validators built), listed in registration order, and called with validated arguments.
import { ProtocolError } from '../jsonrpc/errors.js';
import { compileUserSchema, describeIssues } from '../schema/index.js';
import type {
  CompiledUserSchema,
  SchemaInput,
  InferSchemaOutput,
  ValidationResult,
} from '../schema/index.js';
import type {
  CallToolResult,
  ContentBlock,
  Icon,
  MetaObject,
  Tool,
  ToolAnnotations,
} from '../spec/types/index.js';
import type { ServerContext } from './context.js';
import { ToolError } from './errors.js';
import { InputRequiredSignal } from './input-gateway.js';
import { isThenable, type MaybePromise } from '../jsonrpc/maybe-async.js';
import { Registry } from './registry.js';

/**
 * What a tool handler may return: a full result, just text, or a result with only
 * `structuredContent` (its JSON text is then added as `content`, for older clients).
 */
export type ToolOutput =
  | Omit<CallToolResult, 'resultType'>
  | (Omit<CallToolResult, 'resultType' | 'content'> & { content?: ContentBlock[] })
  | string;

export interface ToolConfig<
  Input extends SchemaInput | undefined = undefined,
  Output extends SchemaInput | undefined = undefined,
> {
  title?: string;
  description?: string;
  /** JSON Schema, or a Standard Schema (zod, valibot, arktype …) of the arguments. */
  inputSchema?: Input;
  /** Schema of `structuredContent`; results are checked against it on the way out. */
  outputSchema?: Output;
  annotations?: ToolAnnotations;
  icons?: Icon[];
  _meta?: MetaObject;
}

export type ToolArguments<Input> = Input extends SchemaInput
  ? InferSchemaOutput<Input>
  : Record<string, unknown>;

export type ToolHandler<Input> = (
  args: ToolArguments<Input>,
  context: ServerContext,
) => ToolOutput | Promise<ToolOutput>;

interface RegisteredTool {
  definition: Tool;
  input: CompiledUserSchema | undefined;
  output: CompiledUserSchema | undefined;
  handler: (args: unknown, context: ServerContext) => ToolOutput | Promise<ToolOutput>;
}

/** A tool's result before the era adds `resultType` (modern) or trims fields (older legacy). */
export type ToolResult = Omit<CallToolResult, 'resultType'>;

/** What a failed tool tells the model when the failure was not a `ToolError`. */
const UNEXPECTED_FAILURE = 'The tool failed with an internal error';

const EMPTY_INPUT_SCHEMA: Tool['inputSchema'] = { type: 'object' };

export class ToolRegistry extends Registry<RegisteredTool> {
  constructor(onChange: () => void) {
    super('tool', onChange);
  }

  register<Input extends SchemaInput | undefined, Output extends SchemaInput | undefined>(
    name: string,
    config: ToolConfig<Input, Output>,
    handler: ToolHandler<Input>,
  ): () => void {
    const input =
      config.inputSchema === undefined
        ? undefined
        : compileUserSchema(config.inputSchema, { role: 'tool input' });
    const output =
      config.outputSchema === undefined
        ? undefined
        : compileUserSchema(config.outputSchema, { role: 'tool output' });
    const definition: Tool = {
      name,
      inputSchema: (input?.jsonSchema as Tool['inputSchema'] | undefined) ?? EMPTY_INPUT_SCHEMA,
    };
    if (config.title !== undefined) definition.title = config.title;
    if (config.description !== undefined) definition.description = config.description;
    if (output !== undefined) definition.outputSchema = output.jsonSchema;
    if (config.annotations !== undefined) definition.annotations = config.annotations;
    if (config.icons !== undefined) definition.icons = config.icons;
    if (config._meta !== undefined) definition._meta = config._meta;
    return this.add(name, {
      definition,
      input,
      output,
      handler: handler as RegisteredTool['handler'],
    });
  }

  list(): Tool[] {
    return this.values().map((tool) => tool.definition);
  }

  /**
   * Runs a tool. An unknown tool is -32602; invalid arguments and handler failures are results
   * with `isError`, which the model can read; a `ProtocolError` from the handler goes out as is.
   * Synchronous all the way (result or throw) when the validators and the handler are.
   */
  call(
    name: unknown,
    args: unknown,
    context: ServerContext,
    onFailure: (error: unknown, tool: string) => void,
  ): MaybePromise<ToolResult> {
    const tool = typeof name === 'string' ? this.get(name) : undefined;
    if (tool === undefined)
      throw ProtocolError.invalidParams(`Unknown tool: ${String(name)}`, { name });
    const given = args ?? {};
    if (tool.input === undefined) return this.#run(tool, given, context, onFailure);
    const checked = tool.input.validate(given);
    return isThenable(checked)
      ? checked.then((result) => this.#runChecked(tool, result, context, onFailure))
      : this.#runChecked(tool, checked, context, onFailure);
  }

  #runChecked(
    tool: RegisteredTool,
    checked: ValidationResult,
    context: ServerContext,
    onFailure: (error: unknown, tool: string) => void,
  ): MaybePromise<ToolResult> {
    if (!checked.ok) {
      return errorResult(
        `Invalid arguments for tool "${tool.definition.name}": ${describeIssues(checked.issues)}`,
      );
    }
    return this.#run(tool, checked.value, context, onFailure);
  }

  #run(
    tool: RegisteredTool,
    value: unknown,
    context: ServerContext,
    onFailure: (error: unknown, tool: string) => void,
  ): MaybePromise<ToolResult> {
    let output: ToolOutput | Promise<ToolOutput>;
    try {
      output = tool.handler(value, context);
    } catch (error) {
      return handlerFailure(tool, error, context, onFailure);
    }
    if (!isThenable(output)) return this.#finish(tool, output);
    return Promise.resolve(output).then(
      (settled) => this.#finish(tool, settled),
      (error: unknown) => handlerFailure(tool, error, context, onFailure),
    );
  }

  #finish(tool: RegisteredTool, output: ToolOutput): MaybePromise<ToolResult> {
    const result = (
      typeof output === 'string' ? { content: [textBlock(output)] } : { ...output }
    ) as ToolResult;
    if (!Array.isArray(result.content)) {
      // A result with only structured content also carries it as text, for older clients.
      result.content =
        result.structuredContent === undefined
          ? []
          : [textBlock(JSON.stringify(result.structuredContent))];
    }
    if (tool.output === undefined || result.isError === true) return result;
    if (result.structuredContent === undefined) {
      throw ProtocolError.internalError(
        `Tool "${tool.definition.name}" has an output schema but returned no structured content`,
      );
    }
    const checked = tool.output.validate(result.structuredContent);
    return isThenable(checked)
      ? checked.then((settled) => checkedOutput(tool, settled, result))
      : checkedOutput(tool, checked, result);
  }
}

/** What a handler's failure becomes: the error itself (protocol, input), or an `isError` result. */
function handlerFailure(
  tool: RegisteredTool,
  error: unknown,
  context: ServerContext,
  onFailure: (error: unknown, tool: string) => void,
): ToolResult {
  if (error instanceof ProtocolError || error instanceof InputRequiredSignal) throw error;
  if (error instanceof ToolError) return errorResult(error.message);
  // The model learns that the call failed; the server's log learns why.
  if (!context.signal.aborted) onFailure(error, tool.definition.name);
  return errorResult(UNEXPECTED_FAILURE);
}

function checkedOutput(
  tool: RegisteredTool,
  checked: ValidationResult,
  result: ToolResult,
): ToolResult {
  if (!checked.ok) {
    throw ProtocolError.internalError(
      `Tool "${tool.definition.name}" returned structured content that does not match its output schema: ${describeIssues(checked.issues)}`,
    );
  }
  return result;
}

export function errorResult(text: string): ToolResult {
  return { content: [textBlock(text)], isError: true };
}

function textBlock(text: string): ContentBlock {
  return { type: 'text', text };
}
