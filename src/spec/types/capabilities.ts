// What each side says it supports: per request in 2026-07-28 (client) and in `server/discover`
// (server); once, during `initialize`, in the legacy revisions.
import type { JSONObject } from './base.js';

/**
 * The client's optional features for one 2026-07-28 request (in `_meta`). Servers must not carry
 * capabilities over from earlier requests.
 */
export type ClientCapabilities = {
  /** Non-standard features, by name. */
  experimental?: { [key: string]: JSONObject | undefined };
  /** The client can answer `roots/list` input requests. No settings are defined: send `{}`. */
  roots?: Record<never, never>;
  /** The client can answer `sampling/createMessage` input requests. */
  sampling?: {
    /** `includeContext` values other than `none` are understood (deprecated). */
    context?: JSONObject;
    /** `tools` and `toolChoice` are understood. */
    tools?: JSONObject;
  };
  /** The client can answer `elicitation/create` input requests, in these modes. */
  elicitation?: { form?: JSONObject; url?: JSONObject };
  /** MCP extensions, keyed by a prefixed identifier (same rule as `_meta` keys), with settings. */
  extensions?: { [key: string]: JSONObject | undefined };
};

/**
 * Capabilities a 2025-11-25 client declares in `initialize`. Older revisions know a subset:
 * `elicitation` came in 2025-06-18; its `form`/`url` modes, `sampling.context`/`tools` and
 * `tasks` in 2025-11-25. An empty `elicitation` object means form mode.
 * @see {@link ClientCapabilities} for 2026-07-28.
 */
export type LegacyClientCapabilities = {
  experimental?: { [key: string]: { [key: string]: unknown } | undefined };
  /** The client can answer `roots/list`, and may say it sends `notifications/roots/list_changed`. */
  roots?: { listChanged?: boolean };
  sampling?: { context?: { [key: string]: unknown }; tools?: { [key: string]: unknown } };
  elicitation?: { form?: { [key: string]: unknown }; url?: { [key: string]: unknown } };
  /** 2025-11-25 experimental tasks: which requests the client can run as tasks. */
  tasks?: {
    list?: { [key: string]: unknown };
    cancel?: { [key: string]: unknown };
    requests?: {
      sampling?: { createMessage?: { [key: string]: unknown } };
      elicitation?: { create?: { [key: string]: unknown } };
    };
  };
};

/** The server's optional features, as `server/discover` reports them in 2026-07-28. */
export type ServerCapabilities = {
  experimental?: { [key: string]: JSONObject | undefined };
  /** The server sends `notifications/message` to requests that set a log level. */
  logging?: JSONObject;
  /** The server answers `completion/complete`. */
  completions?: JSONObject;
  prompts?: {
    /** `notifications/prompts/list_changed` can be subscribed to. */
    listChanged?: boolean;
  };
  resources?: {
    /** Single resources can be watched for `notifications/resources/updated`. */
    subscribe?: boolean;
    /** `notifications/resources/list_changed` can be subscribed to. */
    listChanged?: boolean;
  };
  tools?: {
    /** `notifications/tools/list_changed` can be subscribed to. */
    listChanged?: boolean;
  };
  /** MCP extensions, keyed by a prefixed identifier, with settings. */
  extensions?: { [key: string]: JSONObject | undefined };
};

/**
 * Capabilities a legacy server declares in its `initialize` result. `completions` came in
 * 2025-03-26 and `tasks` in 2025-11-25.
 * @see {@link ServerCapabilities} for 2026-07-28.
 */
export type LegacyServerCapabilities = {
  experimental?: { [key: string]: { [key: string]: unknown } | undefined };
  logging?: { [key: string]: unknown };
  completions?: { [key: string]: unknown };
  prompts?: { listChanged?: boolean };
  resources?: { subscribe?: boolean; listChanged?: boolean };
  tools?: { listChanged?: boolean };
  /** 2025-11-25 experimental tasks: which requests the server can run as tasks. */
  tasks?: {
    list?: { [key: string]: unknown };
    cancel?: { [key: string]: unknown };
    requests?: { tools?: { call?: { [key: string]: unknown } } };
  };
};
