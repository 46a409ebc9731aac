import pg from "pg";
import { startEmbeddedDatabase } from "./embedded";
import { DatabaseUnavailableError, redactDatabaseUrl } from "./url";

export type SelectedDatabase = {
  url: string;
  embedded: boolean;
  /** Pool size every client of this database must stay within. */
  poolMax: number;
  /** What to print: the redacted URL or the embedded folder. */
  description: string;
  close(): Promise<void>;
};

/** Connects once and disconnects, to fail early with one clear line instead of a stack trace later. */
export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A refused connection also emits 'error' on the client; the rejected connect() reports it.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The single place that decides which database the portal uses: DATABASE_URL when set, otherwise an
 * embedded PostgreSQL (PGlite) kept in `dataDir`, served on a local port.
 */
export async function selectDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
}): Promise<SelectedDatabase> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await checkDatabaseReachable(url);
    return {
      url,
      embedded: false,
      poolMax: options.poolMax,
      description: `PostgreSQL at ${redactDatabaseUrl(url)}`,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: options.dataDir });
  return {
    url: embedded.url,
    embedded: true,
    poolMax: 1,
    description: `embedded PostgreSQL (PGlite) in ${options.dataDir}`,
    close: embedded.close,
  };
}
