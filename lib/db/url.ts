/** The URL with its password replaced, safe to print. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a valid URL)";
  }
}

type PgLikeError = { code?: string; message?: string };

/** One line a person can act on, for the ways a connection commonly fails. */
export function describeConnectionError(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as PgLikeError;
  switch (e.code) {
    case "ECONNREFUSED":
      return "connection refused (is PostgreSQL running and listening on that host and port?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ETIMEDOUT":
      return "connection timed out";
    case "3D000":
      return "the database does not exist (create it first, e.g. createdb)";
    case "28P01":
      return "password authentication failed";
    case "28000":
      return "the server refused this user (check pg_hba.conf and the user name)";
    case "57P03":
      return "the server is starting up or shutting down";
    // Prisma's codes for the same failures, as raised by queries through the adapter.
    case "P1001":
      return "cannot reach the database server (is it running and listening on that host and port?)";
    case "P1000":
      return "authentication failed";
    case "P1003":
      return "the database does not exist (create it first, e.g. createdb)";
    default: {
      // Prisma puts a code frame first and the reason last.
      const lines = (e.message ?? String(error)).split("\n").map((l) => l.trim());
      return lines.filter(Boolean).at(-1) ?? "unknown error";
    }
  }
}

export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Cannot use the database at ${redactDatabaseUrl(url)}: ${describeConnectionError(cause)}`);
    this.name = "DatabaseUnavailableError";
  }
}
