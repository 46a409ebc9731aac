import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = {
  url: string;
  /** Stops the server and closes the database; data stays on disk. */
  close(): Promise<void>;
  /** A tarball of the database's files, loadable with `{ memory: true, loadFrom }`: tests migrate once and copy. */
  dump(): Promise<Blob>;
};

type EmbeddedOptions =
  /** Files under this folder; reused by the next start. */
  | { dataDir: string }
  /** In memory, optionally starting from a dump made by `dumpEmbeddedDatabase` (tests). */
  | { memory: true; loadFrom?: Blob };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite keeps no lock of its own: two processes on one folder would corrupt it. A pid file
 * turns that into a clear message.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = join(dataDir, "..", `${dataDir.split("/").pop() ?? "pglite"}.lock`);
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another portal process (pid ${pid}). Stop it first.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * Starts PostgreSQL-in-WebAssembly and serves it on a free local port, so the app, Prisma's CLI and
 * tests all reach it through the same node-postgres adapter as a real server. It is one session:
 * exactly one client connection at a time (maxConnections 1), so every user of it must pool at most
 * one connection.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const extensions = { pg_trgm };
  let db: PGlite;
  let releaseLock = () => {};
  if ("dataDir" in options) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    releaseLock = takeLock(dataDir);
    db = await PGlite.create(dataDir, { extensions });
  } else {
    db = await PGlite.create({ extensions, loadDataDir: options.loadFrom });
  }
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 1 });
  const port = await new Promise<number>((resolvePort, reject) => {
    server.addEventListener("listening", (event) => {
      resolvePort((event as CustomEvent<{ port: number }>).detail.port);
    });
    server.start().catch(reject);
  });
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
      releaseLock();
    },
    dump: () => db.dumpDataDir("none"),
  };
}
