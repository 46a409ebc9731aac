import "server-only";
import type { Db } from "@/lib/db/client";
import { describeConnectionError } from "@/lib/db/url";

export type Health =
  | { status: "ok"; database: { status: "up" }; counts: { documents: number; nodes: number } }
  | { status: "unavailable"; database: { status: "down"; error: string } };

/** Is the database answering, and how much is in it. Never throws: the health endpoint reports. */
export async function getHealth(db: Db): Promise<Health> {
  try {
    const [documents, nodes] = await Promise.all([db.sourceDocument.count(), db.planNode.count()]);
    return { status: "ok", database: { status: "up" }, counts: { documents, nodes } };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return { status: "unavailable", database: { status: "down", error: describeConnectionError(cause) } };
  }
}
