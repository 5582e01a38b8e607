// Server-Sent Events on the wire (WHATWG HTML §9.2): one event as `field: value` lines ended by a
// blank line, and comments, which clients ignore and proxies see as traffic (keep-alives).
import type { JsonRpcMessage } from '../../spec/jsonrpc.js';

export interface SseEvent {
  /** The event id a client sends back as `Last-Event-ID`. */
  id?: string;
  /** The event type; clients treat a missing one as `message`. */
  event?: string;
  /** The payload; split into several `data:` lines if it has line breaks. */
  data: string;
  /** How long a client waits before reconnecting, in milliseconds. */
  retry?: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

export function encodeSseEvent(event: SseEvent): string {
  let text = '';
  if (event.id !== undefined) text += `id: ${singleLine(event.id, 'id')}\n`;
  if (event.event !== undefined) text += `event: ${singleLine(event.event, 'event')}\n`;
  if (event.retry !== undefined) text += `retry: ${Math.max(0, Math.floor(event.retry))}\n`;
  for (const line of event.data.split(LINE_BREAK)) text += `data: ${line}\n`;
  return `${text}\n`;
}

export function encodeSseComment(text: string): string {
  return `: ${singleLine(text, 'comment')}\n\n`;
}

/** A JSON-RPC message (or batch) as an SSE `message` event. */
export function messageEvent(message: JsonRpcMessage | JsonRpcMessage[], id?: string): SseEvent {
  const event: SseEvent = { event: 'message', data: JSON.stringify(message) };
  if (id !== undefined) event.id = id;
  return event;
}

function singleLine(value: string, field: string): string {
  // A line break or NUL would end the field early and let the value forge other fields.
  if (LINE_BREAK.test(value) || value.includes('\0')) {
    throw new TypeError(`An SSE ${field} cannot contain a line break or NUL`);
  }
  return value;
}
