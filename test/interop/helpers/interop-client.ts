// The one shape the interop tests drive, whichever official SDK (and era) sits behind it, plus
// what every setup shares: the server to spawn, how a client reaches it (stdio or HTTP), and the
// client's canned answers to its questions.
import { existsSync } from 'node:fs';
import type { Stream } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type {
  CallToolResult,
  CompleteResult,
  CreateMessageRequestParams,
  ElicitRequestParams,
  GetPromptResult,
  Implementation,
  LoggingLevel,
  LoggingMessageNotificationParams,
  Prompt,
  PromptReference,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ResourceTemplateReference,
  ServerCapabilities,
  Tool,
} from '../../../src/spec/types/index.js';
import type { WireTap } from './wire-tap.js';

export type Era = 'legacy' | 'modern';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

/** How both SDKs' stdio transports start the demo server: the built `mcpkit demo`. */
export function serverProcess(): { command: string; args: string[]; cwd: string; stderr: 'pipe' } {
  if (!existsSync(BUILT_CLI)) {
    throw new Error('`mcpkit demo` runs from dist/cli/main.js: run `npm run build` first');
  }
  return { command: process.execPath, args: [BUILT_CLI, 'demo'], cwd: REPO_ROOT, stderr: 'pipe' };
}

/**
 * How an SDK client reaches the demo server: the SDK's own transport, already made but not
 * started (stdio spawns the server; HTTP points at one in this process), and where the server's
 * complaints are collected for failure messages.
 */
export interface ClientLink<T> {
  readonly transport: T;
  readonly stderr: string[];
}

export const CLIENT_INFO: Implementation = { name: 'mcpkit-interop-test', version: '1.0.0' };

/** What the client's handlers answer when the server asks. */
export const ELICITATION_ANSWER = { action: 'accept', content: { name: 'Ada' } } as const;
export const SAMPLING_ANSWER = {
  model: 'interop-test-model',
  role: 'assistant',
  content: { type: 'text', text: 'Paris' },
} as const;
export const ROOTS = [{ uri: 'file:///home/ada/project', name: 'project' }] as const;

/** What the server asked the client's handlers, in order. */
export interface AskedInputs {
  readonly elicitations: ElicitRequestParams[];
  readonly samplings: CreateMessageRequestParams[];
  rootsListed: number;
}

export interface CallOptions {
  onProgress?: (progress: {
    progress: number;
    total?: number | undefined;
    message?: string | undefined;
  }) => void;
  /**
   * The least severe log messages wanted while the call runs: legacy clients set it on the
   * session with `logging/setLevel` first; 2026-07-28 puts it in the request's `_meta`.
   */
  logLevel?: LoggingLevel;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

/** An official SDK client connected to the demo server over one of its own transports. */
export interface InteropClient {
  readonly label: string;
  readonly wire: WireTap;
  readonly asked: AskedInputs;
  /** `notifications/message` params, as the SDK delivered them to its handler. */
  readonly logs: LoggingMessageNotificationParams[];
  /** The server's stderr lines (over HTTP: the errors it reported), for failure messages. */
  readonly stderr: string[];

  /** The era the SDK says it negotiated (v1 has no era: it only speaks the legacy one). */
  era(): Era;
  /** The revision in use: as the SDK reports it, or as the `initialize` result said (v1). */
  protocolVersion(): string | undefined;
  serverInfo(): Implementation | undefined;
  instructions(): string | undefined;
  capabilities(): ServerCapabilities | undefined;

  listTools(cursor?: string): Promise<Page<Tool>>;
  listResources(cursor?: string): Promise<Page<Resource>>;
  listResourceTemplates(cursor?: string): Promise<Page<ResourceTemplate>>;
  listPrompts(cursor?: string): Promise<Page<Prompt>>;
  callTool(
    name: string,
    args?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<CallToolResult>;
  readResource(uri: string): Promise<ReadResourceResult>;
  getPrompt(name: string, args?: Record<string, string>): Promise<GetPromptResult>;
  complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: { name: string; value: string },
  ): Promise<CompleteResult>;
  close(): Promise<void>;
}

/** Every item of a paginated list, following `nextCursor` until the server stops giving one. */
export async function collectPages<T>(fetch: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor !== undefined && seen.has(cursor))
      throw new Error(`The server repeated cursor ${cursor}`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return items;
}

/** Collects a child's stderr (the SDKs hand it out as a stream when asked to pipe it). */
export function collectLines(stream: Stream | null, into: string[]): void {
  stream?.on('data', (chunk: Buffer | string) => {
    into.push(...String(chunk).split('\n').filter(Boolean));
  });
}
