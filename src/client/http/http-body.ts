// Reading an HTTP body with a byte limit, so a server cannot make the client buffer without end.
import { LimitExceededError } from '../../jsonrpc/errors.js';

/** The body as text; throws `LimitExceededError` past `maxBytes` (and stops reading). */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        throw new LimitExceededError(`The response body is larger than ${maxBytes} bytes`);
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return text + decoder.decode();
}

/** Reads at most `maxBytes` of a body that is only looked at (an error page), ignoring failures. */
export async function peekBodyText(response: Response, maxBytes: number): Promise<string> {
  try {
    return await readBodyText(response, maxBytes);
  } catch {
    return '';
  }
}

/** Discards a body nobody reads, so the connection can be reused. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** The media type of a response, lower-cased, without parameters. */
export function mediaTypeOf(response: Response): string {
  const header = response.headers.get('content-type') ?? '';
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/** `JSON.parse` that answers `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
