// Pins the public surface: the package's subpath exports and the runtime names each one offers.
// A change here is an API change; make it on purpose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {
  exports: Record<string, unknown>;
};

/** Runtime names of each subpath (types are pinned by the compiler and the schema tests). */
const SUBPATH_NAMES: Record<string, string[]> = {
  spec: [
    'ClientRequestMethod',
    'ErrorCode',
    'INPUT_REQUEST_METHODS',
    'JSONRPC_VERSION',
    'LATEST_LEGACY_PROTOCOL_VERSION',
    'LATEST_PROTOCOL_VERSION',
    'LEGACY_PROTOCOL_VERSIONS',
    'MAX_DEPTH',
    'MAX_ISSUES',
    'MODERN_ERROR_CODES',
    'MODERN_PROTOCOL_VERSIONS',
    'MetaKey',
    'NotificationMethod',
    'OTEL_META_KEYS',
    'PROTOCOL_VERSIONS',
    'ServerRequestMethod',
    'Validator',
    'acceptsBatches',
    'classifyMessage',
    'eraOf',
    'formatIssue',
    'formatPath',
    'isErrorCodeInVersion',
    'isErrorResponse',
    'isLegacyVersion',
    'isMethodInVersion',
    'isModernVersion',
    'isNotification',
    'isProtocolVersion',
    'isRequest',
    'isReservedMetaKey',
    'isResponse',
    'isValidMetaKey',
    'legacyNotificationParams',
    'legacyNotifications',
    'legacyRequestParams',
    'legacyRequests',
    'legacyResults',
    'legacyValidators',
    'messageKind',
    'modernInputRequests',
    'modernInputResponses',
    'modernNotificationParams',
    'modernNotifications',
    'modernRequestParams',
    'modernRequests',
    'modernResults',
    'modernValidators',
    'resourceNotFoundCode',
    'validatorFor',
    'versionAtLeast',
  ],
  jsonrpc: [
    'ConnectionClosedError',
    'DEFAULT_MAX_CONCURRENT_REQUESTS',
    'DEFAULT_MAX_PENDING_REQUESTS',
    'DEFAULT_MAX_QUEUED_REQUESTS',
    'DEFAULT_MAX_TOTAL_TIMEOUT',
    'DEFAULT_REQUEST_TIMEOUT',
    'Emitter',
    'InvalidResponseError',
    'JsonRpcConnection',
    'LimitExceededError',
    'LocalError',
    'ProtocolError',
    'RequestCancelledError',
    'RequestTimeoutError',
    'TransportEvents',
    'UsageError',
    'disposable',
    'toWireError',
  ],
  transport: ['DEFAULT_MAX_LINE_BYTES', 'LineFramer', 'createLinkedTransports', 'serializeMessage'],
  client: ['McpClient', 'Subscription'],
  'client/http': [
    'HTTP_TRANSPORT_ERROR_CODE',
    'HttpEraMemory',
    'StreamableHttpClientTransport',
    'ToolHeaderParams',
    'encodeHeaderValue',
    'sharedHttpEraMemory',
  ],
  server: [
    'McpServer',
    'MissingClientCapabilityError',
    'RequestStateCodec',
    'ToolError',
    'UriTemplate',
    'UrlElicitationRequiredError',
    'generateRequestStateSecret',
  ],
  'server/http': [
    'DEFAULT_KEEP_ALIVE_INTERVAL_MS',
    'DEFAULT_MAX_BODY_BYTES',
    'DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM',
    'DEFAULT_MAX_REQUESTS_PER_SESSION',
    'DEFAULT_MAX_SESSIONS',
    'DEFAULT_MAX_STATELESS_REQUESTS',
    'DEFAULT_RETRY_INTERVAL_MS',
    'DEFAULT_SESSION_IDLE_TIMEOUT_MS',
    'DEFAULT_STREAM_AFTER_MS',
    'InMemoryEventStore',
    'LOOPBACK_HOSTS',
    'createMcpHttpHandler',
    'withCors',
  ],
  node: [
    'DEFAULT_INHERITED_ENV_VARS',
    'DEFAULT_MAX_QUEUED_BYTES',
    'ServerProcessError',
    'StdioClientTransport',
    'StdioServerTransport',
    'buildServerEnvironment',
    'defaultServerEnvironment',
  ],
  'node/http': ['serveHttp', 'toNodeHandler'],
};

describe('the export map', () => {
  it('has exactly these subpaths, and no wildcard', () => {
    expect(Object.keys(packageJson.exports).sort()).toEqual(
      [
        '.',
        './client',
        './client/http',
        './jsonrpc',
        './node',
        './node/http',
        './package.json',
        './server',
        './server/http',
        './spec',
        './transport',
      ].sort(),
    );
    for (const key of Object.keys(packageJson.exports)) expect(key).not.toContain('*');
  });

  it.each(Object.entries(SUBPATH_NAMES))(
    'mcpkit/%s exports exactly its pinned names',
    async (subpath, names) => {
      const module = (await import(/* @vite-ignore */ `mcpkit/${subpath}`)) as Record<
        string,
        unknown
      >;
      expect(Object.keys(module).sort()).toEqual(names);
      for (const name of names) expect(module[name], name).toBeDefined();
    },
  );

  it('mcpkit joins every runtime-neutral subpath and nothing Node-only', async () => {
    const root = (await import('mcpkit')) as Record<string, unknown>;
    const neutral = new Set([
      ...SUBPATH_NAMES['spec']!,
      ...SUBPATH_NAMES['jsonrpc']!,
      ...SUBPATH_NAMES['transport']!,
    ]);
    expect(Object.keys(root).sort()).toEqual([...neutral].sort());
  });
});
