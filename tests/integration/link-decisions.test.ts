import { taipeiToday } from "@/lib/domain/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { executeCommand } from "@/lib/commands/command";
import type { AppError } from "@/lib/errors";
import { seedDatabase } from "@/lib/import/seed";
import { addLinkCommand, decideLinkCommand } from "@/lib/links/commands";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { getLinkWorkbench } from "@/lib/links/workbench";
import { getHomeDashboard } from "@/lib/queries/home";
import { run } from "../support/commands";
import { importText, outlineOfYear } from "../support/documents";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * People decide which items serve which strategies (issue 12, decision record 009): the item's
 * department and the 研考會 confirm, reject or add links; a 2013 item cannot serve a 2023–2026
 * strategy; only confirmed links count in roll-ups. Each refusal names its rule and writes nothing.
 */

let t: TestDatabase;
let reviewer: SessionUser;
let itemStaff: SessionUser; // staff of the department of the 2024 MRT item
let otherStaff: SessionUser;
let metroItem: number; // 2024 outline: 捷運岡山路竹延伸線
let metroItem2013: number;
let metroStrategy: number; // 2023–2026: 健全大眾運輸捷運路網
let careStrategy: number; // 2023–2026: 持續佈建長照幼托據點
let rejectedItem = 0; // another item, with a rejected link

const META = { ip: "203.0.113.9", userAgent: "vitest" };

async function agendaItem(fragment: string, rocYear: number) {
  return t.db.planNode.findFirstOrThrow({
    where: { kind: "agenda_item", text: { contains: fragment }, document: { rocYearFrom: rocYear } },
    select: { id: true, department: { select: { slug: true } } },
  });
}
const strategy = async (title: string) =>
  (await t.db.planNode.findFirstOrThrow({ where: { kind: "strategy", title }, select: { id: true } })).id;
/** A suggestion on another item that has a department. */
const otherSuggestion = () =>
  t.db.nodeLink.findFirstOrThrow({
    where: { origin: "suggested", fromNodeId: { not: metroItem }, fromNode: { departmentId: { not: null } } },
    orderBy: { id: "asc" },
  });
/** A staff member of the node's department (made once per department). */
const staffByDepartment = new Map<string, SessionUser>();
async function staffOf(nodeId: number): Promise<SessionUser> {
  const node = await t.db.planNode.findUniqueOrThrow({
    where: { id: nodeId },
    select: { department: { select: { slug: true } } },
  });
  const slug = node.department?.slug;
  if (!slug) throw new Error(`node ${nodeId} has no department`);
  const known = staffByDepartment.get(slug);
  if (known) return known;
  const made = await makeUser(t.db, `links-staff-${slug}`, "staff", [slug]);
  staffByDepartment.set(slug, made);
  return made;
}
const linkOf = (fromNodeId: number, toNodeId: number) =>
  t.db.nodeLink.findUnique({ where: { fromNodeId_toNodeId_kind: { fromNodeId, toNodeId, kind: "serves" } } });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );
/** Links and audit rows: what a refused command must leave as it was. */
const snapshot = async () => ({
  links: await t.db.nodeLink.findMany({ orderBy: { id: "asc" } }),
  audit: await t.db.auditEvent.count(),
});

beforeAll(async () => {
  t = await createTestDatabase();
  expect((await seedDatabase(t.db, "seeds")).failed).toEqual([]);
  await importText(t.db, "outline-113.txt", outlineOfYear(113));
  const metro = await agendaItem("捷運岡山路竹延伸線", 113);
  metroItem = metro.id;
  metroItem2013 = (await agendaItem("捷運岡山路竹延伸線", 102)).id;
  metroStrategy = await strategy("健全大眾運輸捷運路網");
  careStrategy = await strategy("持續佈建長照幼托據點");
  const slug = metro.department?.slug;
  if (!slug) throw new Error("the MRT item has no department");
  itemStaff = await makeUser(t.db, "links-item-staff", "staff", [slug]);
  otherStaff = await makeUser(t.db, "links-other-staff", "staff", [
    slug === "secretariat" ? "civil-affairs" : "secretariat",
  ]);
  reviewer = await makeUser(t.db, "links-reviewer", "reviewer");
});
afterAll(async () => {
  await t?.dispose();
});

describe("deciding a suggested link", () => {
  it("the item's staff confirm it: recorded with who and when, audited, and both ends' pages expire", async () => {
    const suggestion = await linkOf(metroItem, metroStrategy);
    expect(suggestion?.origin).toBe("suggested");
    const now = new Date("2026-11-29T03:00:00Z");
    const { value, tags } = await executeCommand(
      t.db,
      decideLinkCommand,
      { linkId: suggestion?.id, decision: "confirmed", expectedOrigin: "suggested" },
      { actor: itemStaff, meta: META, now },
    );
    expect(value).toEqual({ linkId: suggestion?.id, origin: "confirmed" });
    expect(await linkOf(metroItem, metroStrategy)).toMatchObject({
      origin: "confirmed",
      confirmedById: itemStaff.id,
      confirmedAt: now,
      score: suggestion?.score, // the matcher's score stays, for the record
    });
    expect(tags).toEqual(expect.arrayContaining([`node:${metroItem}`, `node:${metroStrategy}`, "progress"]));
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "link.decide", entityId: String(suggestion?.id) },
    });
    expect(audit).toMatchObject({ actorId: itemStaff.id, before: { origin: "suggested" } });
    expect(audit.after).toMatchObject({
      origin: "confirmed",
      fromNodeId: metroItem,
      toNodeId: metroStrategy,
    });
  });

  it("a second decision on what the person saw as a suggestion is refused: someone else decided", async () => {
    const link = await linkOf(metroItem, metroStrategy);
    const before = await snapshot();
    const error = await refusal(
      run(t.db, decideLinkCommand, reviewer, {
        linkId: link?.id,
        decision: "rejected",
        expectedOrigin: "suggested",
      }),
    );
    expect(error).toMatchObject({ code: "conflict", fields: { form: "linkChanged" } });
    expect(await snapshot()).toEqual(before);
  });

  it("deciding what already stands is refused as nothing to change", async () => {
    const link = await linkOf(metroItem, metroStrategy);
    const error = await refusal(
      run(t.db, decideLinkCommand, reviewer, {
        linkId: link?.id,
        decision: "confirmed",
        expectedOrigin: "confirmed",
      }),
    );
    expect(error).toMatchObject({ code: "invalid_input", fields: { form: "linkUnchanged" } });
  });

  it("staff of another department may not decide the item's links; nothing is written", async () => {
    const other = await otherSuggestion();
    const owner = await staffOf(other.fromNodeId);
    const stranger = owner.departments[0]?.slug === "secretariat" ? itemStaff : otherStaff;
    expect(stranger.departments[0]?.slug).not.toBe(owner.departments[0]?.slug);
    const before = await snapshot();
    const error = await refusal(
      run(t.db, decideLinkCommand, stranger, {
        linkId: other.id,
        decision: "rejected",
        expectedOrigin: "suggested",
      }),
    );
    expect(error?.code).toBe("forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it("a rejected link stays rejected through a refresh, and can be confirmed after all", async () => {
    const other = await otherSuggestion();
    rejectedItem = other.fromNodeId;
    const owner = await staffOf(rejectedItem);
    await run(t.db, decideLinkCommand, reviewer, {
      linkId: other.id,
      decision: "rejected",
      expectedOrigin: "suggested",
    });
    await refreshSuggestedLinks(t.db);
    expect((await t.db.nodeLink.findUniqueOrThrow({ where: { id: other.id } })).origin).toBe("rejected");
    await run(t.db, decideLinkCommand, owner, {
      linkId: other.id,
      decision: "confirmed",
      expectedOrigin: "rejected",
    });
    expect((await t.db.nodeLink.findUniqueOrThrow({ where: { id: other.id } })).origin).toBe("confirmed");
    // Undone for the tests below, through the same door.
    await run(t.db, decideLinkCommand, owner, {
      linkId: other.id,
      decision: "rejected",
      expectedOrigin: "confirmed",
    });
  });

  it("two people deciding at once: one wins, the other is told", async () => {
    const pending = await t.db.nodeLink.findFirstOrThrow({
      where: { origin: "suggested" },
      orderBy: { id: "desc" },
    });
    const input = { linkId: pending.id, expectedOrigin: "suggested" };
    const results = await Promise.allSettled([
      run(t.db, decideLinkCommand, reviewer, { ...input, decision: "confirmed" }),
      run(t.db, decideLinkCommand, reviewer, { ...input, decision: "rejected" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
  });
});

describe("adding a link by hand", () => {
  it("a pair the matcher missed is added as confirmed, and added once", async () => {
    expect(await linkOf(metroItem, careStrategy)).toBeNull();
    await run(t.db, addLinkCommand, itemStaff, { itemId: metroItem, strategyId: careStrategy });
    expect(await linkOf(metroItem, careStrategy)).toMatchObject({ origin: "confirmed", score: null });
    const error = await refusal(
      run(t.db, addLinkCommand, reviewer, { itemId: metroItem, strategyId: careStrategy }),
    );
    expect(error).toMatchObject({ code: "invalid_input", fields: { form: "alreadyLinked" } });
  });

  it.each([
    [
      "a 2013 item to a 2023–2026 strategy",
      () => ({ itemId: metroItem2013, strategyId: metroStrategy }),
      "periodsDoNotOverlap",
    ],
    ["a strategy as the item", () => ({ itemId: careStrategy, strategyId: metroStrategy }), "notAnItem"],
    ["an item as the strategy", () => ({ itemId: metroItem, strategyId: metroItem2013 }), "notAStrategy"],
  ])("refuses %s, naming the rule, writing nothing", async (_what, input, rule) => {
    const before = await snapshot();
    const error = await refusal(run(t.db, addLinkCommand, reviewer, input()));
    expect(error).toMatchObject({ code: "rule_broken", fields: { form: rule } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses unknown nodes as not found", async () => {
    const error = await refusal(
      run(t.db, addLinkCommand, reviewer, { itemId: 99_999_999, strategyId: metroStrategy }),
    );
    expect(error?.code).toBe("not_found");
  });
});

describe("what the pages read", () => {
  it("home rolls up confirmed links only and counts suggestions apart", async () => {
    const home = await getHomeDashboard(t.db, taipeiToday());
    const metro = home.visions.flatMap((v) => v.strategies).find((s) => s.id === metroStrategy);
    const confirmed = await t.db.nodeLink.count({ where: { toNodeId: metroStrategy, origin: "confirmed" } });
    const suggested = await t.db.nodeLink.count({ where: { toNodeId: metroStrategy, origin: "suggested" } });
    expect(confirmed).toBeGreaterThan(0);
    expect(suggested).toBeGreaterThan(0);
    expect(metro).toMatchObject({ linkedItems: confirmed, suggestedLinks: suggested });
    expect(metro?.progress.counts.total).toBe(confirmed);
  });

  it("the link screen: the item's staff see every link; others see none; search keeps to plans of the same years", async () => {
    const bench = await getLinkWorkbench(t.db, itemStaff, metroItem, " 捷運 ");
    expect(bench?.side).toBe("item");
    expect(bench?.query).toBe("捷運");
    expect(bench?.links.map((l) => [l.other.id, l.origin]).sort()).toEqual(
      [
        [careStrategy, "confirmed"],
        [metroStrategy, "confirmed"],
      ].sort(),
    );
    expect(bench?.links.every((l) => l.mayDecide)).toBe(true);
    expect(bench?.candidates.map((c) => c.node.id)).toContain(metroStrategy);
    expect(bench?.candidates.find((c) => c.node.id === metroStrategy)).toMatchObject({
      origin: "confirmed",
      mayAdd: false,
    });
    for (const c of bench?.candidates ?? []) expect(c.node.document.yearFrom).toBe(2023);

    const rejected = await getLinkWorkbench(t.db, await staffOf(rejectedItem), rejectedItem);
    expect(rejected?.links.map((l) => l.origin)).toContain("rejected");

    expect(await getLinkWorkbench(t.db, otherStaff, metroItem)).toBeNull();
    expect(await getLinkWorkbench(t.db, null, metroItem)).toBeNull();
    // The 2013 item shares no year with any mid-term plan: nothing to find.
    expect((await getLinkWorkbench(t.db, reviewer, metroItem2013, "捷運"))?.candidates).toEqual([]);
  });

  it("a strategy's screen lists the items of its years, deciding only what the viewer may", async () => {
    const bench = await getLinkWorkbench(t.db, reviewer, metroStrategy, "捷運");
    expect(bench?.side).toBe("strategy");
    const years = await t.db.planNode.findMany({
      where: { id: { in: bench?.candidates.map((c) => c.node.id) } },
      select: { document: { select: { rocYearFrom: true } } },
    });
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years.map((y) => y.document.rocYearFrom))).toEqual(new Set([113]));
    expect(bench?.candidates.length).toBeLessThanOrEqual(20);
  });
});
