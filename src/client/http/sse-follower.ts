// Follows one logical SSE stream across connections: reads it, and when the connection drops,
// opens it again (a GET with `Last-Event-ID`, 2025-era resumability) after the policy's wait.
import { LimitExceededError } from '../../jsonrpc/errors.js';
import { discardBody, mediaTypeOf } from './http-body.js';
import {
  pause,
  reconnectDelay,
  retryAfterOf,
  type ReconnectionPolicy,
} from './reconnect-policy.js';
import { readSseEvents } from './sse-reader.js';

/**
 * When a dropped stream is opened again: never (2026-07-28 streams are not resumable), only
 * with an event id to resume from (a legacy request's stream), or always (the standalone GET).
 */
export type Resumption = 'never' | 'with-event-id' | 'always';

export interface FollowSseOptions {
  /** The response that starts the stream; without one, the stream is opened with `reopen`. */
  first: Response | undefined;
  /** Opens the stream (again); `lastEventId` is what to send as `Last-Event-ID`. */
  reopen: (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  /** One message's data; returns `true` once the stream has delivered what it was opened for. */
  onData: (data: string) => boolean;
  resumption: Resumption;
  policy: ReconnectionPolicy;
  random: () => number;
  signal: AbortSignal;
  maxEventSize: number;
}

export type FollowOutcome =
  /** `onData` said the stream delivered what it was for. */
  | { kind: 'complete' }
  | { kind: 'aborted' }
  /** The stream ended (or broke, with `error`) and may not be resumed. */
  | { kind: 'ended'; error?: unknown }
  /** Opening it again drew an answer that is not worth retrying (404, 405, other 4xx …). */
  | { kind: 'refused'; response: Response }
  /** Too many tries in a row failed. */
  | { kind: 'gave-up'; error: unknown };

/** Statuses worth another try: the server is busy or briefly broken. */
function isRetryable(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

export async function followSseStream(options: FollowSseOptions): Promise<FollowOutcome> {
  const { policy, signal } = options;
  let response = options.first;
  let lastEventId: string | undefined;
  let serverRetry: number | undefined;
  let failures = 0;
  let lastError: unknown;
  let extraWait = 0;

  for (;;) {
    if (response === undefined) {
      try {
        response = await options.reopen(lastEventId, signal);
      } catch (error) {
        if (signal.aborted) return { kind: 'aborted' };
        lastError = error;
        response = undefined;
      }
      if (response !== undefined && !response.ok) {
        if (!isRetryable(response.status)) return { kind: 'refused', response };
        extraWait = retryAfterOf(response) ?? 0;
        lastError = new Error(`HTTP ${response.status}`);
        discardBody(response);
        response = undefined;
      } else if (response !== undefined && mediaTypeOf(response) !== 'text/event-stream') {
        return { kind: 'refused', response };
      }
    }

    let delivered = false;
    if (response !== undefined) {
      const body = response.body;
      response = undefined;
      let outcome: 'ended' | 'stopped' | 'aborted' | 'broken' = 'ended';
      if (body !== null) {
        try {
          outcome = await readSseEvents(body, {
            signal,
            maxEventSize: options.maxEventSize,
            onRetry: (ms) => (serverRetry = ms),
            onEvent: (event) => {
              delivered = true;
              if (event.id !== undefined) lastEventId = event.id === '' ? undefined : event.id;
              if (event.event !== undefined && event.event !== 'message') return false;
              return event.data !== '' && options.onData(event.data);
            },
          });
        } catch (error) {
          if (signal.aborted) return { kind: 'aborted' };
          // An oversized event would come back the same way on every resume.
          if (error instanceof LimitExceededError) return { kind: 'ended', error };
          lastError = error;
          outcome = 'broken';
        }
      }
      if (outcome === 'stopped') return { kind: 'complete' };
      if (outcome === 'aborted') return { kind: 'aborted' };
      const resumable =
        options.resumption === 'always' ||
        (options.resumption === 'with-event-id' && lastEventId !== undefined);
      if (!resumable) {
        return outcome === 'broken' ? { kind: 'ended', error: lastError } : { kind: 'ended' };
      }
    }

    if (delivered) failures = 0;
    else failures++;
    if (failures > policy.maxRetries) return { kind: 'gave-up', error: lastError };
    const wait = reconnectDelay(failures, policy, serverRetry, options.random);
    await pause(Math.min(Math.max(wait, extraWait), Math.max(policy.maxDelay, wait)), signal);
    extraWait = 0;
    if (signal.aborted) return { kind: 'aborted' };
  }
}
