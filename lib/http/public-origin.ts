import { serverEnv } from "@/lib/env";

/** A Host header that names a host (name, IPv4 or bracketed IPv6) and maybe a port, nothing else. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/iu;

/**
 * The portal's address as its readers reach it, for absolute links (API pagination, feeds,
 * exports) and the Origin check of form posts: PORTAL_URL when set, else the Host the request was
 * sent to. Never X-Forwarded-Host, which any client can send. Not request.url alone: under
 * `next start` that is the server's own `http://localhost:PORT`, whatever the reader typed.
 */
export function publicOrigin(
  request: Request,
  portalUrl: string | undefined = serverEnv().PORTAL_URL,
): string {
  if (portalUrl) return new URL(portalUrl).origin;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host && HOST.test(host) ? `${url.protocol}//${host.toLowerCase()}` : url.origin;
}

/** The request's URL (path and query) on the public origin. */
export function publicUrl(request: Request, portalUrl?: string): URL {
  const url = new URL(request.url);
  return new URL(`${url.pathname}${url.search}`, publicOrigin(request, portalUrl));
}

/** The host part (name and port) of the public origin, as an Origin header's host must equal it. */
export const publicHost = (request: Request, portalUrl?: string): string =>
  new URL(publicOrigin(request, portalUrl)).host;
