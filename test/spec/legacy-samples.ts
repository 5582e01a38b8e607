// Hand-written legacy (2024-11-05 … 2025-11-25) messages, filed by their 2025-11-25 `$defs` name.
// The legacy schemas ship no example corpus; these seed the differential tests for that era.

const meta = { progressToken: 'p-1' };
const tool = {
  name: 'get_weather',
  title: 'Weather',
  description: 'Weather for a city',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
  outputSchema: { type: 'object', properties: { celsius: { type: 'number' } } },
  execution: { taskSupport: 'optional' },
  annotations: { readOnlyHint: true },
};
const task = {
  taskId: 't-1',
  status: 'working',
  createdAt: '2025-11-25T10:00:00Z',
  lastUpdatedAt: '2025-11-25T10:00:01Z',
  ttl: null,
  pollInterval: 500,
};
const capabilities = {
  roots: { listChanged: true },
  sampling: { tools: {} },
  elicitation: { form: {}, url: {} },
  tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} } } },
  experimental: { 'com.example/x': { on: true } },
};

export const legacySamples: Readonly<Record<string, readonly unknown[]>> = {
  InitializeRequest: [
    {
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities,
        clientInfo: { name: 'client', version: '1.0.0', websiteUrl: 'https://example.com' },
      },
    },
    {
      jsonrpc: '2.0',
      id: 'init',
      method: 'initialize',
      params: {
        protocolVersion: '2024-11-05',
        capabilities: {},
        clientInfo: { name: 'c', version: '0' },
      },
    },
  ],
  InitializeResult: [
    {
      protocolVersion: '2025-11-25',
      capabilities: {
        tools: { listChanged: true },
        resources: { subscribe: true },
        logging: {},
        completions: {},
        tasks: { requests: { tools: { call: {} } } },
      },
      serverInfo: {
        name: 'server',
        version: '2.0.0',
        icons: [{ src: 'https://example.com/i.png' }],
      },
      instructions: 'Be brief.',
    },
  ],
  InitializedNotification: [{ jsonrpc: '2.0', method: 'notifications/initialized' }],
  PingRequest: [
    { jsonrpc: '2.0', id: 7, method: 'ping' },
    { jsonrpc: '2.0', id: 8, method: 'ping', params: { _meta: meta } },
  ],
  ListToolsRequest: [
    { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 'c2' } },
  ],
  ListToolsResult: [{ tools: [tool], nextCursor: 'c3' }],
  CallToolRequest: [
    {
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'get_weather', arguments: { city: 'Paris' }, _meta: meta },
    },
    { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'slow', task: { ttl: 60000 } } },
  ],
  CallToolResult: [
    {
      content: [
        { type: 'text', text: '21°C' },
        { type: 'resource_link', uri: 'file:///w.json', name: 'w' },
      ],
      structuredContent: { celsius: 21 },
      isError: false,
    },
  ],
  CreateTaskResult: [{ task }],
  GetTaskRequest: [{ jsonrpc: '2.0', id: 5, method: 'tasks/get', params: { taskId: 't-1' } }],
  GetTaskResult: [{ ...task, status: 'completed', ttl: 30000 }],
  ListTasksResult: [{ tasks: [task] }],
  TaskStatusNotification: [
    {
      jsonrpc: '2.0',
      method: 'notifications/tasks/status',
      params: { ...task, statusMessage: 'half' },
    },
  ],
  ListPromptsResult: [
    { prompts: [{ name: 'review', arguments: [{ name: 'code', required: true }] }] },
  ],
  GetPromptRequest: [
    {
      jsonrpc: '2.0',
      id: 9,
      method: 'prompts/get',
      params: { name: 'review', arguments: { code: 'x' } },
    },
  ],
  GetPromptResult: [
    { description: 'Review', messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }] },
  ],
  ReadResourceRequest: [
    { jsonrpc: '2.0', id: 10, method: 'resources/read', params: { uri: 'file:///a.txt' } },
  ],
  ReadResourceResult: [
    {
      contents: [
        { uri: 'file:///a.txt', text: 'a' },
        { uri: 'file:///b.bin', blob: 'AAE=' },
      ],
    },
  ],
  SubscribeRequest: [
    { jsonrpc: '2.0', id: 11, method: 'resources/subscribe', params: { uri: 'file:///a.txt' } },
  ],
  ListResourceTemplatesResult: [{ resourceTemplates: [{ name: 'f', uriTemplate: 'file:///{p}' }] }],
  CompleteRequest: [
    {
      jsonrpc: '2.0',
      id: 12,
      method: 'completion/complete',
      params: {
        ref: { type: 'ref/prompt', name: 'review' },
        argument: { name: 'code', value: 'p' },
      },
    },
  ],
  CompleteResult: [{ completion: { values: ['python', 'pytorch'], total: 2, hasMore: false } }],
  SetLevelRequest: [
    { jsonrpc: '2.0', id: 13, method: 'logging/setLevel', params: { level: 'warning' } },
  ],
  LoggingMessageNotification: [
    {
      jsonrpc: '2.0',
      method: 'notifications/message',
      params: { level: 'error', logger: 'db', data: { error: 'lost', retries: [1, 2.5, null] } },
    },
  ],
  CreateMessageRequest: [
    {
      jsonrpc: '2.0',
      id: 14,
      method: 'sampling/createMessage',
      params: {
        messages: [
          { role: 'user', content: { type: 'text', text: 'Weather?' } },
          {
            role: 'assistant',
            content: [
              { type: 'tool_use', id: 'u1', name: 'get_weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                toolUseId: 'u1',
                content: [{ type: 'text', text: '21' }],
                structuredContent: { celsius: 21 },
              },
            ],
          },
        ],
        maxTokens: 100,
        tools: [tool],
        toolChoice: { mode: 'auto' },
        modelPreferences: { hints: [{ name: 'claude' }], speedPriority: 0.5 },
        includeContext: 'none',
      },
    },
  ],
  CreateMessageResult: [
    {
      role: 'assistant',
      content: { type: 'text', text: 'Sunny' },
      model: 'm',
      stopReason: 'endTurn',
    },
  ],
  ElicitRequest: [
    {
      jsonrpc: '2.0',
      id: 15,
      method: 'elicitation/create',
      params: {
        message: 'Name?',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1 },
            age: { type: 'integer', minimum: 0 },
            color: { type: 'string', enum: ['red', 'blue'], enumNames: ['Red', 'Blue'] },
            tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
          },
          required: ['name'],
        },
      },
    },
    {
      jsonrpc: '2.0',
      id: 16,
      method: 'elicitation/create',
      params: {
        mode: 'url',
        message: 'Log in',
        elicitationId: 'e-1',
        url: 'https://example.com/login',
      },
    },
  ],
  ElicitResult: [{ action: 'accept', content: { name: 'Ada', age: 36, tags: ['a'] } }],
  ElicitationCompleteNotification: [
    {
      jsonrpc: '2.0',
      method: 'notifications/elicitation/complete',
      params: { elicitationId: 'e-1' },
    },
  ],
  ListRootsRequest: [{ jsonrpc: '2.0', id: 17, method: 'roots/list' }],
  ListRootsResult: [{ roots: [{ uri: 'file:///home/me', name: 'home' }] }],
  CancelledNotification: [
    { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3, reason: 'user' } },
  ],
  ProgressNotification: [
    {
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 'p-1', progress: 50, total: 100, message: 'half' },
    },
  ],
  URLElicitationRequiredError: [
    {
      jsonrpc: '2.0',
      id: 18,
      error: {
        code: -32042,
        message: 'Elicitation required',
        data: {
          elicitations: [
            { mode: 'url', message: 'Log in', elicitationId: 'e-2', url: 'https://example.com' },
          ],
        },
      },
    },
  ],
  JSONRPCErrorResponse: [
    { jsonrpc: '2.0', id: 19, error: { code: -32601, message: 'Method not found' } },
    { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } },
  ],
};
