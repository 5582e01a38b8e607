// What each HTTP origin turned out to speak (SPEC-MAP §18.5: cache the era per origin), so the
// next connection skips the probe. In memory; a host persists it with `toJSON` and seeds it back.

/**
 * What a server at an origin speaks: the modern era, the legacy era over Streamable HTTP
 * (`initialize`, sessions), or the legacy era over the deprecated HTTP+SSE transport (2024-11-05).
 */
export type HttpServerKind = 'modern' | 'legacy' | 'legacy-sse';

const KINDS: ReadonlySet<string> = new Set<HttpServerKind>(['modern', 'legacy', 'legacy-sse']);

export function isHttpServerKind(value: unknown): value is HttpServerKind {
  return typeof value === 'string' && KINDS.has(value);
}

export class HttpEraMemory {
  readonly #byOrigin = new Map<string, HttpServerKind>();

  /** Starts from `seed` (e.g. what `toJSON` returned last run); unknown kinds are skipped. */
  constructor(seed: Readonly<Record<string, unknown>> = {}) {
    for (const [origin, kind] of Object.entries(seed)) {
      if (isHttpServerKind(kind)) this.#byOrigin.set(originOf(origin), kind);
    }
  }

  /** What the server at `url`'s origin spoke last time, if known. */
  get(url: string | URL): HttpServerKind | undefined {
    return this.#byOrigin.get(originOf(url));
  }

  set(url: string | URL, kind: HttpServerKind): void {
    this.#byOrigin.set(originOf(url), kind);
  }

  /** Forgets an origin, so the next connection probes again. */
  forget(url: string | URL): void {
    this.#byOrigin.delete(originOf(url));
  }

  clear(): void {
    this.#byOrigin.clear();
  }

  /** Every origin and its kind, for a host to persist. */
  toJSON(): Record<string, HttpServerKind> {
    return Object.fromEntries(this.#byOrigin);
  }
}

/** The memory transports share when given none. */
export const sharedHttpEraMemory = new HttpEraMemory();

function originOf(url: string | URL): string {
  try {
    return new URL(url).origin;
  } catch {
    // A seed key that is already an origin-like string but not a URL stays as it is.
    return String(url);
  }
}
