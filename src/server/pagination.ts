// Opaque cursors for list results: a page is an offset into a list in a deterministic order.
import { ProtocolError } from '../jsonrpc/errors.js';

const PREFIX = 'o';

function encodeCursor(offset: number): string {
  return btoa(`${PREFIX}${offset}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The offset a cursor stands for; anything mcpkit did not issue is -32602. */
function decodeCursor(cursor: unknown): number {
  if (typeof cursor !== 'string' || cursor.length > 32) throw invalidCursor();
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    throw invalidCursor();
  }
  if (!/^o(0|[1-9][0-9]{0,9})$/.test(text)) throw invalidCursor();
  return Number(text.slice(PREFIX.length));
}

function invalidCursor(): ProtocolError {
  return ProtocolError.invalidParams('Invalid cursor');
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** One page of `items` starting at `cursor`; `pageSize` of 0 or less means "no paging". */
export function paginate<T>(items: readonly T[], cursor: unknown, pageSize: number): Page<T> {
  const start = cursor === undefined ? 0 : decodeCursor(cursor);
  if (start > items.length) throw invalidCursor();
  if (pageSize <= 0) return { items: items.slice(start) };
  const end = start + pageSize;
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.nextCursor = encodeCursor(end);
  return page;
}
