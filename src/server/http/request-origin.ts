// DNS-rebinding protection (SECURITY T1, T2, T5, T6): `Host` and `Origin` are checked against
// allowlists before anything else runs. Both are parsed strictly and matched exactly, so numeric,
// mapped or dotted spellings of loopback (`2130706433`, `[::ffff:127.0.0.1]`, `localhost.`) fail.
import { UsageError } from '../../jsonrpc/errors.js';
import { refusal } from './http-status.js';

/** The loopback names a local server answers to by default, whatever the port. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

interface Authority {
  /** Lowercase; an IPv6 literal keeps its brackets. */
  host: string;
  /** Decimal without leading zeros; undefined when the value named none. */
  port: string | undefined;
}

/** An allowed host; `port` undefined means any port. */
interface HostRule {
  host: string;
  port: string | undefined;
}

/** An allowed origin; `port` '*' means any port, undefined means the scheme has none. */
interface OriginRule {
  scheme: string;
  host: string;
  port: string | undefined;
}

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;
const PORT = /^\d{1,5}$/;
const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/(.+)$/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };

/** `host[:port]` as HTTP carries it, or undefined when it is anything else. */
export function parseAuthority(value: string): Authority | undefined {
  const text = value.toLowerCase();
  let host: string;
  let rest: string;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end === -1) return undefined;
    host = text.slice(0, end + 1);
    rest = text.slice(end + 1);
    if (!IPV6_LITERAL.test(host)) return undefined;
  } else {
    const colon = text.indexOf(':');
    host = colon === -1 ? text : text.slice(0, colon);
    rest = colon === -1 ? '' : text.slice(colon);
    if (host.length === 0 || host.length > 253) return undefined;
    if (!host.split('.').every((label) => LABEL.test(label))) return undefined;
  }
  if (rest === '') return { host, port: undefined };
  const port = rest.slice(1);
  if (!rest.startsWith(':') || !PORT.test(port) || Number(port) > 65535) return undefined;
  return { host, port: String(Number(port)) };
}

export interface OriginPolicyOptions {
  /** Hostnames (any port) or `host:port` pairs; `'any'` turns the check off. */
  allowedHosts: readonly string[] | 'any';
  /** Origins (`scheme://host[:port]`, `:*` for any port); `'any'` turns the check off. */
  allowedOrigins: readonly string[] | 'any' | undefined;
}

/**
 * Decides whether a request may reach the server at all. An empty list never means "allow all"
 * (that fail-open mistake is python-sdk #2269): it means the loopback defaults.
 */
export class OriginPolicy {
  readonly #hosts: readonly HostRule[] | 'any';
  readonly #origins: readonly OriginRule[] | 'any';

  constructor(options: OriginPolicyOptions) {
    const hostEntries =
      options.allowedHosts === 'any' || options.allowedHosts.length > 0
        ? options.allowedHosts
        : LOOPBACK_HOSTS;
    this.#hosts = hostEntries === 'any' ? 'any' : hostEntries.map(hostRule);
    const origins = options.allowedOrigins;
    if (origins === 'any') this.#origins = 'any';
    else if (origins !== undefined && origins.length > 0) this.#origins = origins.map(originRule);
    else {
      // Browsers on the allowed hosts, over http or https, on the same ports as the host rules.
      const base = this.#hosts === 'any' ? LOOPBACK_HOSTS.map(hostRule) : this.#hosts;
      this.#origins = base.flatMap((rule) =>
        ['http', 'https'].map((scheme) => ({ scheme, host: rule.host, port: rule.port ?? '*' })),
      );
    }
  }

  /** Whether the policy leaves the loopback defaults on (what a public bind should change). */
  get loopbackOnly(): boolean {
    return (
      this.#hosts !== 'any' &&
      this.#hosts.every((rule) => LOOPBACK_HOSTS.includes(rule.host)) &&
      this.#origins !== 'any' &&
      this.#origins.every((rule) => LOOPBACK_HOSTS.includes(rule.host))
    );
  }

  /** A 403 for a request that may not go on, or undefined. */
  check(request: Request): Response | undefined {
    const host = request.headers.get('host') ?? new URL(request.url).host;
    if (!this.allowsHost(host)) {
      return refusal('forbidden', 'Forbidden: the Host header is not allowed');
    }
    const origin = request.headers.get('origin');
    if (origin !== null && !this.allowsOrigin(origin)) {
      return refusal('forbidden', 'Forbidden: the Origin header is not allowed');
    }
    return undefined;
  }

  allowsHost(value: string): boolean {
    if (this.#hosts === 'any') return true;
    const authority = parseAuthority(value);
    if (authority === undefined) return false;
    return this.#hosts.some(
      (rule) =>
        rule.host === authority.host && (rule.port === undefined || rule.port === authority.port),
    );
  }

  allowsOrigin(value: string): boolean {
    if (this.#origins === 'any') return true;
    const origin = parseOrigin(value);
    if (origin === undefined) return false;
    return this.#origins.some(
      (rule) =>
        rule.scheme === origin.scheme &&
        rule.host === origin.host &&
        (rule.port === '*' || rule.port === origin.port),
    );
  }
}

/** `scheme://host[:port]` with nothing after it; `null` (an opaque origin) is not one. */
function splitOrigin(value: string): { scheme: string; authority: Authority } | undefined {
  const match = ORIGIN.exec(value.toLowerCase());
  if (match === null) return undefined;
  const authority = parseAuthority(match[2] as string);
  return authority === undefined ? undefined : { scheme: match[1] as string, authority };
}

/** An origin with its effective port (the scheme's default when none is written). */
function parseOrigin(value: string): OriginRule | undefined {
  const origin = splitOrigin(value);
  if (origin === undefined) return undefined;
  const { scheme, authority } = origin;
  return { scheme, host: authority.host, port: authority.port ?? DEFAULT_PORTS[scheme] };
}

function hostRule(entry: string): HostRule {
  // A bare IPv6 address (`::1`) is written as it appears in a Host header.
  const bareIpv6 = !entry.startsWith('[') && entry.indexOf(':') !== entry.lastIndexOf(':');
  const authority = parseAuthority(bareIpv6 ? `[${entry}]` : entry);
  if (authority === undefined) throw new UsageError(`Not a host name: ${JSON.stringify(entry)}`);
  return authority;
}

function originRule(entry: string): OriginRule {
  const anyPort = entry.endsWith(':*');
  const origin = splitOrigin(anyPort ? entry.slice(0, -2) : entry);
  if (origin === undefined || (anyPort && origin.authority.port !== undefined)) {
    throw new UsageError(`Not an origin: ${JSON.stringify(entry)}`);
  }
  const { scheme, authority } = origin;
  const port = anyPort ? '*' : (authority.port ?? DEFAULT_PORTS[scheme]);
  return { scheme, host: authority.host, port };
}
