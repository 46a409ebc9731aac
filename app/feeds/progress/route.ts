import type { NextRequest } from "next/server";
import { z } from "zod";
import { publicOrigin } from "@/lib/http/public-origin";
import { renderAtom } from "@/lib/feeds/atom";
import { zhHant as t } from "@/lib/i18n/messages";
import { listProgressUpdates } from "@/lib/data/portal";
import type { FeedScope } from "@/lib/queries/feed";
import { departmentSlug } from "@/lib/validation/atoms";
import { recordId } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

const query = z
  .object({
    department: departmentSlug("department must be a department's slug").optional(),
    node: recordId.optional(),
  })
  .refine((q) => !(q.department && q.node), "Give department or node, not both.");

/** Atom feed of progress updates: the city's, a department's (?department=), an item's or a strategy's (?node=). */
export async function GET(request: NextRequest) {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join("; ") }, { status: 400 });
  }
  const scope: FeedScope = parsed.data.department
    ? { kind: "department", slug: parsed.data.department }
    : parsed.data.node
      ? { kind: "node", id: parsed.data.node }
      : { kind: "city" };
  const feed = await listProgressUpdates(scope);
  if (!feed) return Response.json({ error: "No such department or item." }, { status: 404 });

  const origin = publicOrigin(request);
  const page =
    scope.kind === "department"
      ? `/departments/${scope.slug}`
      : scope.kind === "node"
        ? `/nodes/${scope.id}`
        : "/";
  const xml = renderAtom({
    id: `${origin}/feeds/progress${request.nextUrl.search}`,
    title: `${feed.title}：${t.feeds.title}`,
    selfLink: `${origin}/feeds/progress${request.nextUrl.search}`,
    alternateLink: `${origin}${page}`,
    updated: feed.updates[0]?.updatedAt ?? new Date(0).toISOString(),
    entries: feed.updates.map((u) => ({
      id: `${origin}/progress/${u.entryId}/v${u.version}`,
      title: `${t.status[u.status]}${u.percent === null ? "" : ` ${u.percent}%`}：${u.node.numberLabel ?? ""}${u.node.title}`,
      link: `${origin}/nodes/${u.node.id}`,
      updated: u.updatedAt,
      summary: u.narrative,
      author: u.department?.nameZh ?? "高雄市政府",
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
