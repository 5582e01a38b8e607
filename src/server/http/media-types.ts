// Content negotiation at the MCP endpoint: whether `Accept` allows a media type (RFC 9110 §12.5.1:
// the most specific matching range decides, and q=0 means "not acceptable"), and whether
// `Content-Type` is JSON in UTF-8.

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range = '', ...parameters] = part.split(';');
    const [type, subtype, extra] = range.trim().toLowerCase().split('/');
    if (type === undefined || subtype === undefined || extra !== undefined) continue;
    if (type === '' || subtype === '') continue;
    let q = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=').map((piece) => piece.trim());
      if (name.toLowerCase() !== 'q') continue;
      q = QVALUE.test(value) ? Number(value) : -1;
    }
    // A range with a malformed weight is ignored rather than guessed at.
    if (q >= 0) ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** Whether an `Accept` header allows `mediaType` (`type/subtype`); a missing header does not. */
export function acceptsMediaType(header: string | null, mediaType: string): boolean {
  if (header === null) return false;
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let best: MediaRange | undefined;
  let bestRank = 0;
  for (const range of parseAccept(header)) {
    const rank =
      range.type === type && range.subtype === subtype
        ? 3
        : range.type === type && range.subtype === '*'
          ? 2
          : range.type === '*' && range.subtype === '*'
            ? 1
            : 0;
    if (rank > bestRank) {
      best = range;
      bestRank = rank;
    }
  }
  return best !== undefined && best.q > 0;
}

/** Whether a `Content-Type` header is `application/json`, in UTF-8 when a charset is named. */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [essence = '', ...parameters] = header.split(';');
  if (essence.trim().toLowerCase() !== 'application/json') return false;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((piece) => piece.trim());
    if (name.toLowerCase() !== 'charset') continue;
    const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return false;
  }
  return true;
}
