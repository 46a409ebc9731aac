import { randomUUID } from "node:crypto";
import pg from "pg";

/** Scratch databases on a real PostgreSQL server: test templates and copies, benchmark runs. */

export function scratchDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Names come from scratchDatabaseName, never from input; quoted all the same.
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabase(serverUrl: string, name: string, options: { template?: string } = {}) {
  const template = options.template ? ` TEMPLATE ${quote(options.template)}` : "";
  await adminQuery(serverUrl, `CREATE DATABASE ${quote(name)}${template}`);
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}
