import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { expireTags } from "@/lib/cache/revalidate";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const body = z.object({
  tags: z
    .array(z.string().regex(/^[a-z]+(:[a-z0-9-]+)?$/u, "a tag is a word, optionally with :id"))
    .min(1)
    .max(100),
});

function authorised(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Called by the import CLI, which writes in another process: refresh the cached pages showing
 * what it changed. Authorised by the secret `npm start` shares with the CLI.
 */
export async function POST(request: Request) {
  if (!authorised(request.headers.get("authorization"), serverEnv().PORTAL_REVALIDATE_SECRET)) {
    return Response.json({ error: "Not authorised." }, { status: 401 });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json(
      { error: `Send {"tags": [...]}: ${parsed.error.issues.map((i) => i.message).join("; ")}` },
      { status: 400 },
    );
  }
  expireTags(parsed.data.tags, "route");
  return Response.json({ expired: parsed.data.tags });
}
