/**
 * The largest form a server action accepts, file included: a plan document (lib/import/upload.ts,
 * 10 MB) with its other fields. next.config.ts gives it to Next (serverActions.bodySizeLimit and
 * proxyClientMaxBodySize, which must not be smaller or Next cuts the body short) and proxy.ts
 * refuses a larger Content-Length before any of the body is read.
 */
export const ACTION_BODY_LIMIT_BYTES = 12 * 1024 * 1024;
