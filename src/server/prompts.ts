// The prompt registry: prompts with string arguments (declared as a list, or as an object schema
// whose properties are the arguments), checked before the handler runs.
import { ProtocolError } from '../jsonrpc/errors.js';
import { compileUserSchema, describeIssues } from '../schema/index.js';
import type { CompiledUserSchema, InferSchemaOutput, SchemaInput } from '../schema/index.js';
import type {
  Icon,
  MetaObject,
  Prompt,
  PromptArgument,
  PromptMessage,
} from '../spec/types/index.js';
import type { Completers } from './completion.js';
import type { ServerContext } from './context.js';
import { Registry } from './registry.js';

export type PromptOutput = { description?: string; messages: PromptMessage[]; _meta?: MetaObject };

export interface PromptConfig<Args extends SchemaInput | undefined = undefined> {
  title?: string;
  description?: string;
  /** The arguments as a plain list (all strings on the wire). */
  arguments?: PromptArgument[];
  /**
   * Or: an object schema (JSON Schema or Standard Schema) whose properties are the arguments;
   * they are listed from it and validated against it.
   */
  argsSchema?: Args;
  complete?: Completers;
  icons?: Icon[];
  _meta?: MetaObject;
}

export type PromptArguments<Args> = Args extends SchemaInput
  ? InferSchemaOutput<Args>
  : Record<string, string>;

export type PromptHandler<Args> = (
  args: PromptArguments<Args>,
  context: ServerContext,
) => PromptOutput | Promise<PromptOutput>;

interface RegisteredPrompt {
  definition: Prompt;
  schema: CompiledUserSchema | undefined;
  required: readonly string[];
  config: PromptConfig<SchemaInput | undefined>;
  handler: (args: unknown, context: ServerContext) => PromptOutput | Promise<PromptOutput>;
}

export class PromptRegistry extends Registry<RegisteredPrompt> {
  constructor(onChange: () => void) {
    super('prompt', onChange);
  }

  register<Args extends SchemaInput | undefined>(
    name: string,
    config: PromptConfig<Args>,
    handler: PromptHandler<Args>,
  ): () => void {
    let schema: CompiledUserSchema | undefined;
    let list: PromptArgument[] | undefined;
    if (config.argsSchema !== undefined) {
      schema = compileUserSchema(config.argsSchema, { role: 'prompt arguments' });
      list = argumentsFromSchema(schema.jsonSchema);
    } else {
      list = config.arguments;
    }
    const definition: Prompt = { name };
    if (config.title !== undefined) definition.title = config.title;
    if (config.description !== undefined) definition.description = config.description;
    if (list !== undefined) definition.arguments = list;
    if (config.icons !== undefined) definition.icons = config.icons;
    if (config._meta !== undefined) definition._meta = config._meta;
    return this.add(name, {
      definition,
      schema,
      required: (list ?? []).filter((a) => a.required === true).map((a) => a.name),
      config: config,
      handler: handler as RegisteredPrompt['handler'],
    });
  }

  list(): Prompt[] {
    return this.values().map((prompt) => prompt.definition);
  }

  completersFor(name: string): Completers | undefined {
    const prompt = this.get(name);
    if (prompt === undefined) throw ProtocolError.invalidParams(`Unknown prompt: ${name}`);
    return prompt.config.complete;
  }

  /** Fills in a prompt. Unknown prompt, missing or invalid arguments: -32602. */
  async render(name: unknown, args: unknown, context: ServerContext): Promise<PromptOutput> {
    const prompt = typeof name === 'string' ? this.get(name) : undefined;
    if (prompt === undefined)
      throw ProtocolError.invalidParams(`Unknown prompt: ${String(name)}`, { name });
    const given = (args ?? {}) as Record<string, unknown>;
    const missing = prompt.required.filter((key) => typeof given[key] !== 'string');
    if (missing.length > 0)
      throw ProtocolError.invalidParams(
        `Missing required arguments for prompt "${name as string}": ${missing.join(', ')}`,
      );
    let value: unknown = given;
    if (prompt.schema !== undefined) {
      const checked = await prompt.schema.validate(given);
      if (!checked.ok)
        throw ProtocolError.invalidParams(
          `Invalid arguments for prompt "${name as string}": ${describeIssues(checked.issues)}`,
        );
      value = checked.value;
    }
    return prompt.handler(value, context);
  }
}

/** Prompt arguments from an object schema's properties. */
function argumentsFromSchema(schema: Record<string, unknown>): PromptArgument[] {
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set(
    Array.isArray(schema['required']) ? (schema['required'] as string[]) : [],
  );
  return Object.entries(properties).map(([name, property]) => {
    const argument: PromptArgument = { name };
    if (typeof property['title'] === 'string') argument.title = property['title'];
    if (typeof property['description'] === 'string') argument.description = property['description'];
    if (required.has(name)) argument.required = true;
    return argument;
  });
}
