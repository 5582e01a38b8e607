// 2025-11-25 experimental tasks: long-running requests polled with `tasks/*`. Removed from the
// core protocol in 2026-07-28 (now an extension).
import type { RequestId } from '../jsonrpc.js';
import type {
  LegacyPaginatedRequestParams,
  LegacyResult,
  MetaObject,
  NotificationParams,
  Cursor,
  LegacyRequestMetaObject,
} from './base.js';

/** Where a task stands. `completed`, `failed` and `cancelled` are final. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** Asks for a request to run as a task. */
export type TaskMetadata = {
  /** How long, in milliseconds, to keep the task after creation. */
  ttl?: number;
};

/** Links a message to the task it belongs to (in `_meta`, key `io.modelcontextprotocol/related-task`). */
export type RelatedTaskMetadata = {
  taskId: string;
};

/** A task's state. */
export type Task = {
  taskId: string;
  status: TaskStatus;
  /** Human-readable detail about the status, e.g. why it failed. */
  statusMessage?: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  lastUpdatedAt: string;
  /** Milliseconds to keep the task after creation; null means no limit. */
  ttl: number | null;
  /** Suggested milliseconds between polls. */
  pollInterval?: number;
};

/** Params of a request that may be run as a task. */
export type TaskAugmentedRequestParams = {
  _meta?: LegacyRequestMetaObject;
  /** Present to run the request as a task; its result is then a {@link CreateTaskResult}. */
  task?: TaskMetadata;
};

/** The immediate answer to a request run as a task. */
export type CreateTaskResult = {
  _meta?: MetaObject;
  task: Task;
};

/** Whether a tool may be called as a task. */
export type ToolExecution = {
  /** `forbidden` (default), `optional` or `required`. */
  taskSupport?: 'forbidden' | 'optional' | 'required';
};

/** Asks for a task's state. */
export type GetTaskRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tasks/get';
  params: { taskId: string };
};

/** A task's state. */
export type GetTaskResult = LegacyResult & Task;

/** Asks for the result of a finished task (waits until it finishes). */
export type GetTaskPayloadRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tasks/result';
  params: { taskId: string };
};

/** The task's result: the result the original request would have had. */
export type GetTaskPayloadResult = {
  _meta?: MetaObject;
  [key: string]: unknown;
};

/** Lists tasks. */
export type ListTasksRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tasks/list';
  params?: LegacyPaginatedRequestParams;
};

/** One page of tasks. */
export type ListTasksResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
  tasks: Task[];
};

/** Cancels a task. */
export type CancelTaskRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tasks/cancel';
  params: { taskId: string };
};

/** The cancelled task's state. */
export type CancelTaskResult = LegacyResult & Task;

/** Params of `notifications/tasks/status`: the task's new state. */
export type TaskStatusNotificationParams = NotificationParams & Task;

/** A task's status changed. */
export type TaskStatusNotification = {
  jsonrpc: '2.0';
  method: 'notifications/tasks/status';
  params: TaskStatusNotificationParams;
};
