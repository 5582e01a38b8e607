// Elicitation: a server asks the user, through the client, for a form's worth of data or to visit
// a URL (`elicitation/create`).
import type { RequestId } from '../jsonrpc.js';
import type { LegacyRequestMetaObject, MetaObject } from './base.js';
import type { PrimitiveSchemaDefinition } from './elicitation-schema.js';
import type { TaskMetadata } from './tasks.js';

/** The form: a flat object schema whose properties are primitive fields. */
export type ElicitationRequestedSchema = {
  $schema?: string;
  type: 'object';
  properties: { [key: string]: PrimitiveSchemaDefinition | undefined };
  required?: string[];
};

/** Asks the user to fill in a form. Never for passwords, keys or other secrets. */
export type ElicitRequestFormParams = {
  /** Absent means form (the only mode before 2025-11-25). */
  mode?: 'form';
  /** What is being asked, and why. */
  message: string;
  requestedSchema: ElicitationRequestedSchema;
};

/**
 * Legacy form elicitation: optional `_meta`; 2025-11-25 may run it as a task.
 * @see {@link ElicitRequestFormParams} for 2026-07-28.
 */
export type LegacyElicitRequestFormParams = {
  _meta?: LegacyRequestMetaObject;
  mode?: 'form';
  message: string;
  requestedSchema: ElicitationRequestedSchema;
  task?: TaskMetadata;
};

/** Asks the user to visit a URL (for anything sensitive: sign-ins, payments, secrets). */
export type ElicitRequestURLParams = {
  mode: 'url';
  /** Why the user should go there. */
  message: string;
  url: string;
};

/**
 * 2025-11-25 URL elicitation: carries an `elicitationId`, later echoed by
 * `notifications/elicitation/complete`.
 * @see {@link ElicitRequestURLParams} for 2026-07-28.
 */
export type LegacyElicitRequestURLParams = {
  _meta?: LegacyRequestMetaObject;
  mode: 'url';
  message: string;
  /** Identifies this elicitation in the completion notification. */
  elicitationId: string;
  url: string;
  task?: TaskMetadata;
};

/** Either mode. */
export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;
/** Either legacy mode. */
export type LegacyElicitRequestParams =
  LegacyElicitRequestFormParams | LegacyElicitRequestURLParams;

/**
 * Asks the user for input. In 2026-07-28 only inside an `InputRequiredResult`, so it has no
 * JSON-RPC envelope.
 */
export type ElicitRequest = {
  method: 'elicitation/create';
  params: ElicitRequestParams;
};

/** Legacy `elicitation/create` (2025-06-18+), a request from server to client. */
export type LegacyElicitRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'elicitation/create';
  params: LegacyElicitRequestParams;
};

/** What the user submitted in a form, by field name. */
export type ElicitationContent = {
  [key: string]: string | number | boolean | string[] | undefined;
};

/** The user's answer. */
export type ElicitResult = {
  /** `accept`: submitted or confirmed; `decline`: said no; `cancel`: dismissed. */
  action: 'accept' | 'decline' | 'cancel';
  /** The form data; only with `accept` in form mode. */
  content?: ElicitationContent;
};

/**
 * Legacy answer: may carry `_meta`. Multi-select (`string[]`) values came in 2025-11-25.
 * @see {@link ElicitResult} for 2026-07-28.
 */
export type LegacyElicitResult = {
  _meta?: MetaObject;
  action: 'accept' | 'decline' | 'cancel';
  content?: ElicitationContent;
};

/** 2025-11-25 only: the out-of-band interaction of a URL elicitation has finished. */
export type ElicitationCompleteNotification = {
  jsonrpc: '2.0';
  method: 'notifications/elicitation/complete';
  params: {
    /** The `elicitationId` of the URL elicitation. */
    elicitationId: string;
  };
};
