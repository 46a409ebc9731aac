import { isIP } from "node:net";

/**
 * The caller's address for the sign-in limit and the audit log, from the X-Forwarded-For header as
 * the route or action sees it, trusting the right-most `trustedProxies` hops and nothing a client wrote.
 *
 * Next 16 does not expose the connection's peer to routes or actions (`request.ip` is gone). What
 * `next start` does is set X-Forwarded-For to the peer, but only when the request arrived without
 * one (`??=` in base-server.js): it never appends. So the header ends with what our own proxies
 * appended, one entry each, and anything to their left was written by the client.
 * - N trusted proxies: the N-th entry from the right is the address the outermost of them saw.
 * - 0 (no proxy): the right-most entry. That is the peer whenever the client sent no header; a client
 *   that sends one can still choose it, because Next keeps it. Closing that needs the server to
 *   overwrite the header with the socket address (issue 16, left for the next increment).
 * Fewer entries than trusted hops (the request bypassed a proxy): the left-most one.
 * Anything that is not an IP address is no address: null, as when there is no header at all.
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  trustedProxies: number,
): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  if (hops.length === 0) return null;
  const chosen = hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] ?? "";
  return normaliseAddress(chosen);
}

function normaliseAddress(hop: string): string | null {
  // "[2001:db8::1]:443" or "203.0.113.7:51234": some proxies write the port too.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/u.exec(hop);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/u.exec(hop);
  const address = bracketed?.[1] ?? withPort?.[1] ?? hop;
  if (isIP(address) === 0) return null;
  // An IPv4 client of a dual-stack socket arrives as ::ffff:a.b.c.d: one client, one address.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}
