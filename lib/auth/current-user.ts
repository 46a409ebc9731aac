import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db/server";
import { authOptions } from "./options";
import type { SessionUser } from "./permissions";
import { loadSessionUser } from "./session-user";

/**
 * The signed-in user, checked against the database on every request (see loadSessionUser), once
 * per render (React cache).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as {
    userId?: number;
    sessionVersion?: number;
  } | null;
  if (!session?.userId || !Number.isInteger(session.userId) || session.sessionVersion === undefined)
    return null;
  return loadSessionUser(db(), session.userId, session.sessionVersion);
});
