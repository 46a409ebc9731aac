import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/import/seed";
import { addLinkCommand, decideLinkCommand } from "@/lib/links/commands";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { run } from "../support/commands";
import { importText, outlineOfYear } from "../support/documents";
import { makeUser } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
let seededLinks = -1;
beforeAll(async () => {
  t = await createTestDatabase();
  const report = await seedDatabase(t.db, "seeds");
  expect(report.failed).toEqual([]);
  seededLinks = await t.db.nodeLink.count();
  // A 2024 outline (the 2013 one restated): its years overlap the 2023–2026 mid-term plan's.
  await importText(t.db, "outline-113.txt", outlineOfYear(113));
});
afterAll(async () => {
  await t.dispose();
});

/** The 2023-2026 strategy whose title is given. */
async function strategy(db: Db, title: string) {
  return db.planNode.findFirstOrThrow({
    where: { kind: "strategy", title, document: { kind: "mid_term_plan" } },
    select: { id: true },
  });
}

/** The agenda item of the given ROC year's outline whose text contains the fragment (NFKC, as stored). */
async function agendaItem(db: Db, fragment: string, rocYear = 113) {
  return db.planNode.findFirstOrThrow({
    where: {
      kind: "agenda_item",
      text: { contains: fragment },
      document: { kind: "policy_outline", rocYearFrom: rocYear },
    },
    select: { id: true },
  });
}

async function link(db: Db, itemFragment: string, strategyTitle: string, rocYear = 113) {
  const [from, to] = await Promise.all([agendaItem(db, itemFragment, rocYear), strategy(db, strategyTitle)]);
  return db.nodeLink.findUnique({
    where: { fromNodeId_toNodeId_kind: { fromNodeId: from.id, toNodeId: to.id, kind: "serves" } },
  });
}

const allLinks = (db: Db) =>
  db.nodeLink.findMany({
    orderBy: { id: "asc" },
    select: { id: true, fromNodeId: true, toNodeId: true, kind: true, origin: true, score: true },
  });

describe("suggested links between agenda items and strategies of overlapping years", () => {
  it("the seeds alone suggest nothing: their 2013 and 2018 items share no year with the 2023–2026 plan", () => {
    expect(seededLinks).toBe(0);
  });

  it("a 2024 outline gets the expected pairs, item to strategy, with a score; the 2013 items still none", async () => {
    // importText refreshes suggestions itself; a refresh right after finds nothing to change.
    const suggested = await t.db.nodeLink.count({ where: { origin: "suggested" } });
    // The outline's items against 28 strategies; the 2018 plan shares no year with them and counts no more.
    expect(suggested).toBeGreaterThan(40);
    expect(suggested).toBeLessThan(150);
    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 0 });

    for (const [item, title] of [
      ["捷運岡山路竹延伸線", "健全大眾運輸捷運路網"],
      ["大眾捷運系統整體路網規劃", "健全大眾運輸捷運路網"],
      ["科學園區智慧運輸走廊", "建構園區智慧運輸走廊"],
      ["整備長期照顧資源", "持續佈建長照幼托據點"],
      ["流浪犬", "推動友善動物優質空間"],
      ["海洋文化及流行音樂中心」興建工程", "構築台灣流行音樂基地"],
    ] as const) {
      const found = await link(t.db, item, title);
      expect(found, `${item} → ${title}`).toMatchObject({ origin: "suggested", kind: "serves" });
      expect(found?.score).toBeGreaterThan(0.1);
      expect(await link(t.db, item, title, 102), `2013: ${item} → ${title}`).toBeNull();
    }
    expect(await link(t.db, "捷運岡山路竹延伸線", "持續佈建長照幼托據點")).toBeNull();
    expect(await link(t.db, "整備長期照顧資源", "健全大眾運輸捷運路網")).toBeNull();

    // Every suggestion runs from a 2024 item to a mid-term strategy.
    const ends = await t.db.nodeLink.findMany({
      select: {
        fromNode: { select: { kind: true, document: { select: { rocYearFrom: true } } } },
        toNode: { select: { kind: true } },
      },
    });
    expect(new Set(ends.map((e) => e.toNode.kind))).toEqual(new Set(["strategy"]));
    expect(new Set(ends.map((e) => e.fromNode.document.rocYearFrom))).toEqual(new Set([113]));
    for (const e of ends) expect(["agenda_item", "key_point", "program"]).toContain(e.fromNode.kind);
  });

  it("drops a suggestion across periods left from before the rule", async () => {
    const crossing = await t.db.nodeLink.create({
      data: {
        fromNodeId: (await agendaItem(t.db, "捷運岡山路竹延伸線", 102)).id,
        toNodeId: (await strategy(t.db, "健全大眾運輸捷運路網")).id,
        origin: "suggested",
        score: 0.4,
      },
    });
    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 1 });
    expect(await t.db.nodeLink.findUnique({ where: { id: crossing.id } })).toBeNull();
  });

  it("is idempotent: a second run writes nothing and leaves the same rows", async () => {
    const before = await allLinks(t.db);
    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 0 });
    expect(await allLinks(t.db)).toEqual(before);
  });

  it("never touches confirmed or rejected links, and never re-suggests a rejected pair", async () => {
    const reviewer = await makeUser(t.db, "links-reviewer", "reviewer");
    // Confirm one suggestion; reject another; add a pair the algorithm never suggested.
    const metro = await link(t.db, "捷運岡山路竹延伸線", "健全大眾運輸捷運路網");
    const animals = await link(t.db, "流浪犬", "推動友善動物優質空間");
    if (!metro || !animals) throw new Error("expected suggestions are missing");
    const decide = (linkId: number, decision: "confirmed" | "rejected") =>
      run(t.db, decideLinkCommand, reviewer, { linkId, decision, expectedOrigin: "suggested" });
    await decide(metro.id, "confirmed");
    await decide(animals.id, "rejected");
    const { linkId: manualId } = await run(t.db, addLinkCommand, reviewer, {
      itemId: (await agendaItem(t.db, "捷運岡山路竹延伸線")).id,
      strategyId: (await strategy(t.db, "持續佈建長照幼托據點")).id,
    });
    const kept = await t.db.nodeLink.findMany({ where: { id: { in: [metro.id, animals.id, manualId] } } });
    expect(kept.map((l) => l.origin).sort()).toEqual(["confirmed", "confirmed", "rejected"]);

    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 0 });
    expect(await t.db.nodeLink.findMany({ where: { id: { in: kept.map((l) => l.id) } } })).toEqual(kept);
    // Still one row per pair: the rejected pair is not back as a suggestion.
    const pairRows = await t.db.nodeLink.count({
      where: { fromNodeId: animals.fromNodeId, toNodeId: animals.toNodeId },
    });
    expect(pairRows).toBe(1);
  });

  it("replaces a stale suggestion and restores a deleted one", async () => {
    const before = await t.db.nodeLink.count({ where: { origin: "suggested" } });
    const victim = await t.db.nodeLink.findFirstOrThrow({
      where: { origin: "suggested" },
      orderBy: { id: "asc" },
    });
    await t.db.nodeLink.delete({ where: { id: victim.id } });
    const stale = await t.db.nodeLink.create({
      data: {
        fromNodeId: (await agendaItem(t.db, "流浪犬")).id,
        toNodeId: (await strategy(t.db, "健全大眾運輸捷運路網")).id,
        origin: "suggested",
        score: 0.5,
      },
    });

    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 1, removed: 1 });
    expect(await t.db.nodeLink.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await t.db.nodeLink.count({ where: { origin: "suggested" } })).toBe(before);
    expect(
      await t.db.nodeLink.findFirst({
        where: { fromNodeId: victim.fromNodeId, toNodeId: victim.toNodeId, origin: "suggested" },
      }),
    ).toMatchObject({ score: victim.score });
  });
});
