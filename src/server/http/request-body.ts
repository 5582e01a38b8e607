// The body of a POST, read with a byte limit that is enforced while reading (SECURITY J5, N6): a
// declared length over the limit is refused unread, and a stream is cancelled the moment it
// passes the limit, so no more than the limit plus one chunk is ever held.
import { refusal } from './http-status.js';

/** One decoder for every body: a whole-buffer `decode` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type BodyOutcome = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads and parses a JSON body of at most `maxBytes`; a 413 or a 400 (-32700) otherwise. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyOutcome> {
  const tooLarge = (): BodyOutcome => ({
    ok: false,
    response: refusal('body-too-large', `Request body larger than ${maxBytes} bytes`),
  });
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return tooLarge();
  }
  const bytes = await readBytes(request.body, maxBytes);
  if (bytes === 'too-large') return tooLarge();
  if (bytes === 'failed') {
    return {
      ok: false,
      response: refusal('invalid-request', 'The request body could not be read'),
    };
  }
  // Fatal decoding rejects invalid UTF-8; a BOM is kept, so JSON.parse refuses it as MCP requires.
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, response: refusal('parse-error', 'Parse error: the body is not UTF-8') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: refusal('parse-error', 'Parse error: the body is not JSON') };
  }
}

async function readBytes(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | 'too-large' | 'failed'> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'failed';
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
