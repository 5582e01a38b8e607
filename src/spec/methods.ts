// Method and notification names of every revision, with the revisions that define each.
import type { ProtocolVersion } from './versions.js';

/** Requests a client sends to a server. */
export const ClientRequestMethod = {
  Initialize: 'initialize',
  Ping: 'ping',
  Discover: 'server/discover',
  ToolsList: 'tools/list',
  ToolsCall: 'tools/call',
  ResourcesList: 'resources/list',
  ResourceTemplatesList: 'resources/templates/list',
  ResourcesRead: 'resources/read',
  ResourcesSubscribe: 'resources/subscribe',
  ResourcesUnsubscribe: 'resources/unsubscribe',
  PromptsList: 'prompts/list',
  PromptsGet: 'prompts/get',
  Complete: 'completion/complete',
  LoggingSetLevel: 'logging/setLevel',
  SubscriptionsListen: 'subscriptions/listen',
  TasksGet: 'tasks/get',
  TasksResult: 'tasks/result',
  TasksList: 'tasks/list',
  TasksCancel: 'tasks/cancel',
} as const;

/** Requests a legacy server sends to a client (modern servers ask through `InputRequiredResult`). */
export const ServerRequestMethod = {
  Ping: 'ping',
  CreateMessage: 'sampling/createMessage',
  Elicit: 'elicitation/create',
  ListRoots: 'roots/list',
} as const;

export const NotificationMethod = {
  Initialized: 'notifications/initialized',
  Cancelled: 'notifications/cancelled',
  Progress: 'notifications/progress',
  Message: 'notifications/message',
  ResourceUpdated: 'notifications/resources/updated',
  ResourceListChanged: 'notifications/resources/list_changed',
  ToolListChanged: 'notifications/tools/list_changed',
  PromptListChanged: 'notifications/prompts/list_changed',
  RootsListChanged: 'notifications/roots/list_changed',
  ElicitationComplete: 'notifications/elicitation/complete',
  TaskStatus: 'notifications/tasks/status',
  SubscriptionsAcknowledged: 'notifications/subscriptions/acknowledged',
} as const;

export type ClientRequestMethodName =
  (typeof ClientRequestMethod)[keyof typeof ClientRequestMethod];
export type ServerRequestMethodName =
  (typeof ServerRequestMethod)[keyof typeof ServerRequestMethod];
export type NotificationMethodName = (typeof NotificationMethod)[keyof typeof NotificationMethod];
export type MethodName = ClientRequestMethodName | ServerRequestMethodName | NotificationMethodName;

/** [first revision, last revision] in which a method exists; `undefined` end means "still there". */
type Span = readonly [ProtocolVersion, ProtocolVersion?];

const LEGACY: Span = ['2024-11-05', '2025-11-25'];
const ALL: Span = ['2024-11-05'];
const TASKS: Span = ['2025-11-25', '2025-11-25'];

/** Where each method and notification is defined, per SPEC-MAP §3 and §4. */
const METHOD_SPANS: Readonly<Record<MethodName, Span>> = {
  initialize: LEGACY,
  ping: LEGACY,
  'server/discover': ['2026-07-28'],
  'tools/list': ALL,
  'tools/call': ALL,
  'resources/list': ALL,
  'resources/templates/list': ALL,
  'resources/read': ALL,
  'resources/subscribe': LEGACY,
  'resources/unsubscribe': LEGACY,
  'prompts/list': ALL,
  'prompts/get': ALL,
  'completion/complete': ALL,
  'logging/setLevel': LEGACY,
  'subscriptions/listen': ['2026-07-28'],
  'tasks/get': TASKS,
  'tasks/result': TASKS,
  'tasks/list': TASKS,
  'tasks/cancel': TASKS,
  'sampling/createMessage': ALL,
  'elicitation/create': ['2025-06-18'],
  'roots/list': ALL,
  'notifications/initialized': LEGACY,
  'notifications/cancelled': ALL,
  'notifications/progress': ALL,
  'notifications/message': ALL,
  'notifications/resources/updated': ALL,
  'notifications/resources/list_changed': ALL,
  'notifications/tools/list_changed': ALL,
  'notifications/prompts/list_changed': ALL,
  'notifications/roots/list_changed': LEGACY,
  'notifications/elicitation/complete': ['2025-11-25', '2025-11-25'],
  'notifications/tasks/status': TASKS,
  'notifications/subscriptions/acknowledged': ['2026-07-28'],
};

/**
 * Whether `method` is part of revision `version`. In 2026-07-28, `sampling/createMessage`,
 * `elicitation/create` and `roots/list` exist only as input requests inside an
 * `InputRequiredResult`, never as JSON-RPC requests; this table still lists them because their
 * shapes are defined there.
 */
export function isMethodInVersion(method: string, version: ProtocolVersion): boolean {
  const span = (METHOD_SPANS as Readonly<Record<string, Span>>)[method];
  if (span === undefined) return false;
  const [from, to] = span;
  return version >= from && (to === undefined || version <= to);
}

/** Methods a modern server may be asked through `InputRequiredResult` rather than a request. */
export const INPUT_REQUEST_METHODS = [
  ServerRequestMethod.CreateMessage,
  ServerRequestMethod.Elicit,
  ServerRequestMethod.ListRoots,
] as const;
