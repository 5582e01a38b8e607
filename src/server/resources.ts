// The resource registry: fixed resources by URI, and resource templates (RFC 6570) matched in
// registration order; reading a URI nobody registered is the era's "not found" error.
import { ProtocolError } from '../jsonrpc/errors.js';
import type {
  Annotations,
  BlobResourceContents,
  Icon,
  MetaObject,
  Resource,
  ResourceTemplate,
  TextResourceContents,
} from '../spec/types/index.js';
import type { Completers } from './completion.js';
import type { ServerContext } from './context.js';
import { Registry } from './registry.js';
import { UriTemplate, type UriTemplateMatch } from './uri-template.js';

export type ResourceContents = TextResourceContents | BlobResourceContents;

/** What a read handler returns: the contents, or just text (for the URI read). */
export type ReadOutput = { contents: ResourceContents[]; _meta?: MetaObject } | string;

export interface ResourceConfig {
  /** Defaults to the URI. */
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: MetaObject;
}

export interface ResourceTemplateConfig extends Omit<ResourceConfig, 'size'> {
  /** Completers for the template's variables, by variable name. */
  complete?: Completers;
  /** The concrete resources the template stands for, included in `resources/list`. */
  list?: (context: ServerContext) => Resource[] | Promise<Resource[]>;
}

export type ResourceReader = (
  uri: string,
  context: ServerContext,
) => ReadOutput | Promise<ReadOutput>;
export type TemplateReader = (
  uri: string,
  variables: Readonly<UriTemplateMatch>,
  context: ServerContext,
) => ReadOutput | Promise<ReadOutput>;

interface RegisteredResource {
  definition: Resource;
  read: ResourceReader;
}

interface RegisteredTemplate {
  definition: ResourceTemplate;
  template: UriTemplate;
  config: ResourceTemplateConfig;
  read: TemplateReader;
}

function describe<T extends object>(target: T, config: ResourceConfig | ResourceTemplateConfig): T {
  const copy: Record<string, unknown> = target as Record<string, unknown>;
  for (const key of [
    'title',
    'description',
    'mimeType',
    'size',
    'annotations',
    'icons',
    '_meta',
  ] as const) {
    const value = (config as Record<string, unknown>)[key];
    if (value !== undefined) copy[key] = value;
  }
  return target;
}

export class ResourceRegistry extends Registry<RegisteredResource> {
  constructor(onChange: () => void) {
    super('resource', onChange);
  }

  register(uri: string, config: ResourceConfig, read: ResourceReader): () => void {
    const definition = describe<Resource>({ uri, name: config.name ?? uri }, config);
    return this.add(uri, { definition, read });
  }
}

export class ResourceTemplateRegistry extends Registry<RegisteredTemplate> {
  constructor(onChange: () => void) {
    super('resource template', onChange);
  }

  register(uriTemplate: string, config: ResourceTemplateConfig, read: TemplateReader): () => void {
    const template = new UriTemplate(uriTemplate);
    const definition = describe<ResourceTemplate>(
      { uriTemplate, name: config.name ?? uriTemplate },
      config,
    );
    return this.add(uriTemplate, { definition, template, config, read });
  }

  completersFor(uriTemplate: string): Completers | undefined {
    const entry = this.get(uriTemplate);
    if (entry === undefined)
      throw ProtocolError.invalidParams(`Unknown resource template: ${uriTemplate}`);
    return entry.config.complete;
  }
}

/** Both registries, for what `resources/*` requests need from them. */
export class ResourceCatalog {
  readonly resources: ResourceRegistry;
  readonly templates: ResourceTemplateRegistry;

  constructor(onChange: () => void) {
    this.resources = new ResourceRegistry(onChange);
    this.templates = new ResourceTemplateRegistry(onChange);
  }

  async list(context: ServerContext): Promise<Resource[]> {
    const fixed = this.resources.values().map((entry) => entry.definition);
    const listed = await Promise.all(
      this.templates.values().map(async (entry) => (await entry.config.list?.(context)) ?? []),
    );
    return [...fixed, ...listed.flat()];
  }

  listTemplates(): ResourceTemplate[] {
    return this.templates.values().map((entry) => entry.definition);
  }

  /** The reader for `uri`, or `undefined` when nothing serves it. */
  async read(
    uri: string,
    context: ServerContext,
  ): Promise<{ contents: ResourceContents[]; _meta?: MetaObject } | undefined> {
    const fixed = this.resources.get(uri);
    if (fixed !== undefined)
      return normalise(uri, fixed.definition.mimeType, await fixed.read(uri, context));
    for (const entry of this.templates.values()) {
      const variables = entry.template.match(uri);
      if (variables === undefined) continue;
      return normalise(uri, entry.definition.mimeType, await entry.read(uri, variables, context));
    }
    return undefined;
  }
}

function normalise(
  uri: string,
  mimeType: string | undefined,
  output: ReadOutput,
): { contents: ResourceContents[]; _meta?: MetaObject } {
  if (typeof output !== 'string') return output;
  const text: TextResourceContents = { uri, text: output };
  if (mimeType !== undefined) text.mimeType = mimeType;
  return { contents: [text] };
}
