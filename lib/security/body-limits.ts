/**
 * How large a request body may be. Routes enforce their own limit while reading (app/api/_lib/read-json.ts);
 * the proxy (proxy.ts) refuses anything over the largest of them before a route runs, because Next.js
 * buffers a body for the proxy only up to `experimental.proxyClientMaxBodySize` and silently hands the
 * route a cut body beyond it (a 12 MiB capture arrived as 10 MiB and was stored as if whole).
 */

/** A JSON body: 1 MiB. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** A text body (rac, ring, nethasp.ini, a platform message): 16 MiB, a day of rac captures of a large cluster. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** The largest body any route accepts; the proxy refuses more with 413. */
export const MAX_BODY_BYTES = MAX_TEXT_BYTES;

/**
 * What Next.js buffers for the proxy (next.config.ts). More than MAX_BODY_BYTES by a margin larger than a
 * network chunk, so a body over the limit — even one without Content-Length — is seen to be over it.
 */
export const PROXY_BUFFER_BYTES = MAX_BODY_BYTES + 4 * 1024 * 1024;

/** The 413 message: the limit in bytes and MiB. */
export const bodyTooLargeMessage = (limit: number) =>
  `The request body is larger than ${limit.toLocaleString("en-US")} bytes (${(limit / 1024 / 1024).toFixed(limit % (1024 * 1024) ? 1 : 0)} MiB); nothing was stored. Send less data (e.g. split a long capture).`;
