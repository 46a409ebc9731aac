import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/import/seed";
import { refreshSuggestedLinks } from "@/lib/links/refresh";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const report = await seedDatabase(t.db, "seeds");
  expect(report.failed).toEqual([]);
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

/** The 2013 agenda item whose text contains the fragment (NFKC, as the outline is stored). */
async function agendaItem(db: Db, fragment: string) {
  return db.planNode.findFirstOrThrow({
    where: { kind: "agenda_item", text: { contains: fragment }, document: { kind: "policy_outline" } },
    select: { id: true },
  });
}

async function link(db: Db, itemFragment: string, strategyTitle: string) {
  const [from, to] = await Promise.all([agendaItem(db, itemFragment), strategy(db, strategyTitle)]);
  return db.nodeLink.findUnique({
    where: { fromNodeId_toNodeId_kind: { fromNodeId: from.id, toNodeId: to.id, kind: "serves" } },
  });
}

const allLinks = (db: Db) =>
  db.nodeLink.findMany({
    orderBy: { id: "asc" },
    select: { id: true, fromNodeId: true, toNodeId: true, kind: true, origin: true, score: true },
  });

describe("suggested links between the seeds' agenda items and strategies", () => {
  it("seeding suggests the expected pairs, item to strategy, with a score", async () => {
    // seedDatabase refreshes suggestions itself; a refresh right after finds nothing to change.
    const suggested = await t.db.nodeLink.count({ where: { origin: "suggested" } });
    expect(suggested).toBeGreaterThan(80);
    expect(suggested).toBeLessThan(250);
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
    }
    expect(await link(t.db, "捷運岡山路竹延伸線", "持續佈建長照幼托據點")).toBeNull();
    expect(await link(t.db, "整備長期照顧資源", "健全大眾運輸捷運路網")).toBeNull();

    // Every suggestion runs from an annual item to a mid-term strategy.
    const ends = await t.db.nodeLink.findMany({
      select: { fromNode: { select: { kind: true } }, toNode: { select: { kind: true } } },
    });
    expect(new Set(ends.map((e) => e.toNode.kind))).toEqual(new Set(["strategy"]));
    for (const e of ends) expect(["agenda_item", "key_point", "program"]).toContain(e.fromNode.kind);
  });

  it("is idempotent: a second run writes nothing and leaves the same rows", async () => {
    const before = await allLinks(t.db);
    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 0 });
    expect(await allLinks(t.db)).toEqual(before);
  });

  it("never touches confirmed or rejected links, and never re-suggests a rejected pair", async () => {
    const staff = await t.db.user.create({
      data: { email: "links@example.test", name: "Staff", passwordHash: "x", role: "staff" },
    });
    // Confirm one suggestion; reject another; confirm a pair the algorithm never suggested.
    const metro = await link(t.db, "捷運岡山路竹延伸線", "健全大眾運輸捷運路網");
    const animals = await link(t.db, "流浪犬", "推動友善動物優質空間");
    if (!metro || !animals) throw new Error("expected suggestions are missing");
    const confirmedAt = new Date("2024-05-01T00:00:00Z");
    const confirmed = await t.db.nodeLink.update({
      where: { id: metro.id },
      data: { origin: "confirmed", confirmedById: staff.id, confirmedAt },
    });
    const rejected = await t.db.nodeLink.update({
      where: { id: animals.id },
      data: { origin: "rejected", confirmedById: staff.id, confirmedAt },
    });
    const manual = await t.db.nodeLink.create({
      data: {
        fromNodeId: (await agendaItem(t.db, "捷運岡山路竹延伸線")).id,
        toNodeId: (await strategy(t.db, "持續佈建長照幼托據點")).id,
        origin: "confirmed",
        confirmedById: staff.id,
        confirmedAt,
      },
    });

    expect(await refreshSuggestedLinks(t.db)).toEqual({ created: 0, removed: 0 });
    for (const kept of [confirmed, rejected, manual]) {
      expect(await t.db.nodeLink.findUnique({ where: { id: kept.id } })).toEqual(kept);
    }
    // Still one row per pair: the rejected pair is not back as a suggestion.
    const pairRows = await t.db.nodeLink.count({
      where: { fromNodeId: rejected.fromNodeId, toNodeId: rejected.toNodeId },
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
