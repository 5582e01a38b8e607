// mcpkit's client as the interop tests drive it, over any transport: it records every message on
// the wire, what the server asked the host (answered from canned handlers) and what it logged.
import { McpClient } from '../../../src/client/index.js';
import type { ClientHandlers, ListName, McpClientOptions } from '../../../src/client/index.js';
import type { Transport } from '../../../src/jsonrpc/transport.js';
import type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  LoggingMessageNotificationParams,
  Root,
} from '../../../src/spec/types/index.js';
import type { WireMessage } from './wire-tap.js';

export const CLIENT_INFO = { name: 'mcpkit-interop-test', version: '1.0.0' };

/** One message on the pipe, with the side that wrote it. */
export interface WireEntry {
  readonly direction: 'sent' | 'received';
  readonly message: WireMessage;
}

/** Every message that crossed the pipes of every process this client spawned, in order. */
export class Wire {
  readonly entries: WireEntry[];

  constructor(entries: WireEntry[] = []) {
    this.entries = entries;
  }

  /** A position to take a `since` view from. */
  mark(): number {
    return this.entries.length;
  }

  /** What crossed the pipe after `mark`: one operation's exchange, on its own. */
  since(mark: number): Wire {
    return new Wire(this.entries.slice(mark));
  }

  requestsSent(method?: string): WireMessage[] {
    return this.#pick('sent', (m) => m.id !== undefined && m.method !== undefined, method);
  }

  notificationsSent(method?: string): WireMessage[] {
    return this.#pick('sent', (m) => m.id === undefined && m.method !== undefined, method);
  }

  /** Requests the server sent to the client (legacy only: 2026-07-28 servers never send one). */
  requestsReceived(method?: string): WireMessage[] {
    return this.#pick('received', (m) => m.id !== undefined && m.method !== undefined, method);
  }

  /** The server's answer to one of the client's requests. */
  responseTo(request: WireMessage): WireMessage | undefined {
    return this.entries.find(
      (entry) =>
        entry.direction === 'received' &&
        entry.message.method === undefined &&
        entry.message.id === request.id,
    )?.message;
  }

  /** The client's answer to one of the server's requests. */
  answerTo(request: WireMessage): WireMessage | undefined {
    return this.entries.find(
      (entry) =>
        entry.direction === 'sent' &&
        entry.message.method === undefined &&
        entry.message.id === request.id,
    )?.message;
  }

  /** `tools/call` requests for one tool, each with the server's answer. */
  toolCalls(tool: string): { request: WireMessage; response: WireMessage | undefined }[] {
    return this.requestsSent('tools/call')
      .filter((request) => request.params?.['name'] === tool)
      .map((request) => ({ request, response: this.responseTo(request) }));
  }

  #pick(
    direction: WireEntry['direction'],
    kind: (message: WireMessage) => boolean,
    method: string | undefined,
  ): WireMessage[] {
    return this.entries
      .filter((entry) => entry.direction === direction && kind(entry.message))
      .map((entry) => entry.message)
      .filter((message) => method === undefined || message.method === method);
  }
}

/** The host's canned answers, and what the server asked it. */
export interface HostInputs {
  elicitations: (ElicitRequestFormParams | ElicitRequestURLParams)[];
  samplings: CreateMessageRequestParams[];
  rootsListed: number;
  /** What the elicitation handler answers next. */
  elicitAnswer: ElicitResult;
}

export const SAMPLING_ANSWER: CreateMessageResult = {
  role: 'assistant',
  model: 'interop-test-model',
  content: { type: 'text', text: '42' },
};
export const ROOTS: Root[] = [{ uri: 'file:///home/ada/project', name: 'project' }];

export interface McpkitSession<T extends Transport = Transport> {
  readonly client: McpClient;
  readonly wire: Wire;
  readonly inputs: HostInputs;
  readonly logs: LoggingMessageNotificationParams[];
  readonly listChanges: ListName[];
  /** The server's stderr lines (or the errors an in-process server reported). */
  readonly stderr: string[];
  /** Every transport the client's factory made (a restart after the probe adds one). */
  readonly transports: T[];
  /** Closes the client and every transport. */
  close(): Promise<void>;
}

/**
 * Connects with `version: 'auto'` (unless `options` pins one) through the transport factory
 * `make`, recording every message each transport carries; era detection may call `make` again.
 */
export async function connectMcpkit<T extends Transport>(
  make: () => T,
  options: Omit<McpClientOptions, 'handlers'> = {},
  stderr: string[] = [],
): Promise<McpkitSession<T>> {
  const wire = new Wire();
  const transports: T[] = [];
  const inputs: HostInputs = {
    elicitations: [],
    samplings: [],
    rootsListed: 0,
    elicitAnswer: { action: 'accept', content: { name: 'Ada' } },
  };
  const handlers: ClientHandlers = {
    elicit: (params) => {
      inputs.elicitations.push(params);
      return inputs.elicitAnswer;
    },
    sample: (params) => {
      inputs.samplings.push(params);
      return SAMPLING_ANSWER;
    },
    listRoots: () => {
      inputs.rootsListed++;
      return { roots: ROOTS };
    },
  };
  const client = new McpClient(CLIENT_INFO, { version: 'auto', ...options, handlers });
  const logs: LoggingMessageNotificationParams[] = [];
  const listChanges: ListName[] = [];
  client.onLogMessage((message) => logs.push(message));
  client.onListChanged((list) => listChanges.push(list));

  const spawn = (): T => {
    const transport = make();
    transports.push(transport);
    transport.onMessage((message) => record(wire, 'received', message));
    const send = transport.send.bind(transport);
    transport.send = (message, sendOptions) => {
      record(wire, 'sent', message);
      return send(message, sendOptions);
    };
    return transport;
  };

  const close = async (): Promise<void> => {
    await client.close();
    await Promise.all(transports.map((transport) => transport.close()));
  };
  try {
    await client.connect(spawn);
  } catch (error) {
    await close();
    throw new Error(`connect failed; server stderr:\n${stderr.join('\n')}`, { cause: error });
  }
  return { client, wire, inputs, logs, listChanges, stderr, transports, close };
}

function record(wire: Wire, direction: WireEntry['direction'], message: unknown): void {
  for (const one of Array.isArray(message) ? message : [message]) {
    wire.entries.push({ direction, message: one as WireMessage });
  }
}
