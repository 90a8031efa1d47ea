import { hostname, networkInterfaces } from 'node:os';

/**
 * Which names the browser-mode host answers to. A page on any site can make a browser send
 * requests to 127.0.0.1 by pointing its own DNS name there (DNS rebinding); the browser then sends
 * that site's name as `Host` and `Origin`. Answering only our own names (and pages only from our
 * own origin) defeats it, whatever the DNS says.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** A bind address for every interface. */
export const isWildcard = (host: string): boolean => host === '' || host === '0.0.0.0' || host === '::' || host === '[::]';

/** Whether a bind address serves this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** A name as `URL.hostname` writes it: lower case, IPv6 in brackets. */
function canonical(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** This machine's own names and addresses, for a host bound to every interface. */
function machineNames(): string[] {
  const names = [hostname(), `${hostname()}.local`];
  for (const list of Object.values(networkInterfaces())) for (const address of list ?? []) names.push(address.address.replace(/%.*$/, ''));
  return names;
}

export function allowedHostNames(bindHost: string, configured: readonly string[]): ReadonlySet<string> {
  const names = [...LOOPBACK_NAMES, ...configured];
  if (isWildcard(bindHost)) names.push(...machineNames());
  else names.push(bindHost);
  return new Set(names.map(canonical));
}

/** The hostname of a Host header or an origin, or null when it is not one. */
function hostnameOf(authority: string): { hostname: string; port: string } | null {
  try {
    const url = new URL(`http://${authority}`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return { hostname: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

/** Whether a request's `Host` names this host. */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!hostHeader || hostHeader.length > 300) return false;
  const host = hostnameOf(hostHeader);
  return host !== null && allowed.has(host.hostname);
}

/**
 * Whether a request's `Origin` is a page of this host: our name, and the same host and port the
 * request went to (another program's page on localhost:3000 is another origin). No Origin (a
 * program rather than a browser) passes here; the credential decides for it.
 */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = hostHeader ? hostnameOf(hostHeader) : null;
  return host !== null && allowed.has(url.hostname) && url.hostname === host.hostname && url.port === host.port;
}
