import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importDocument, readDocumentFile } from "@/lib/import/import-document";
import { saveParsedDocument } from "@/lib/import/save-document";
import { seedDatabase } from "@/lib/import/seed";
import { markedText } from "@/lib/search/highlight";
import { indexProgressEntry, SEARCH_INDEX_VERSION } from "@/lib/search/indexing";
import { search, type SearchHit, type SearchResults } from "@/lib/search/query";
import { type SearchInput, SearchQueryError, searchInput } from "@/lib/search/schemas";
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

const find = (params: Partial<Record<keyof SearchInput, string | number>>) =>
  search(t.db, searchInput.parse({ size: 50, ...params }));
const plain = (hit: SearchHit) => `${markedText(hit.title)} ${markedText(hit.snippet)}`;
const keys = (r: SearchResults) => r.hits.map((h) => `${h.type}:${h.id}`);

/** Every entry the index holds, as comparable rows. */
async function indexSnapshot(db: Db) {
  return db.searchEntry.findMany({
    orderBy: [{ entityType: "asc" }, { entityId: "asc" }],
    select: { entityType: true, entityId: true, documentId: true, status: true, title: true, body: true },
  });
}

describe("the index of a seeded database", () => {
  it("has one entry for every node, budget line and report figure, and nothing else", async () => {
    const [nodes, budgetLines, figures] = await Promise.all([
      t.db.planNode.count(),
      t.db.budgetLine.count(),
      t.db.reportFigure.count(),
    ]);
    const byType = await t.db.searchEntry.groupBy({ by: ["entityType"], _count: { _all: true } });
    expect(Object.fromEntries(byType.map((g) => [g.entityType, g._count._all]))).toEqual({
      node: nodes,
      budget_line: budgetLines,
      report_figure: figures,
    });
    expect(await t.db.searchEntry.count({ where: { indexVersion: { not: SEARCH_INDEX_VERSION } } })).toBe(0);
  });
});

describe("relevance on the seeds", () => {
  it("捷運 finds the MRT and light-rail items of the 2013 outline and the 2023 mid-term plan", async () => {
    const result = await find({ q: "捷運" });
    const texts = result.hits.map(plain);
    // Titles about the MRT first: the outline's policy area and the mid-term strategy.
    expect(texts.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("【捷運】工程"),
        expect.stringContaining("健全大眾運輸【捷運】路網"),
      ]),
    );
    const outline = result.hits.filter((h) => h.document.kind === "policy-outline").map(plain);
    const midTerm = result.hits.filter((h) => h.document.kind === "mid-term-plan").map(plain);
    expect(outline).toEqual(
      expect.arrayContaining([
        expect.stringContaining("【捷運】岡山路竹延伸線"),
        expect.stringContaining("【捷運】鳳山線"),
        // The MRT bureau's light-rail items do not say 捷運: the bureau's name finds them.
        expect.stringContaining("高雄環狀輕軌第一階段"),
      ]),
    );
    expect(midTerm).toEqual(expect.arrayContaining([expect.stringContaining("推動環狀輕軌")]));
    expect(result.hits.every((h) => h.href.startsWith("/nodes/"))).toBe(true);
  });

  it("捷运 in Simplified finds exactly what 捷運 finds, in the same order", async () => {
    const [traditional, simplified] = [await find({ q: "捷運" }), await find({ q: "捷运" })];
    expect(simplified.total).toBe(traditional.total);
    expect(keys(simplified)).toEqual(keys(traditional));
    expect(simplified.facets).toEqual(traditional.facets);
  });

  it("1999 finds the call-centre figures of the 2012 research commission's report", async () => {
    const result = await find({ q: "1999" });
    const figures = result.hits.filter((h) => h.type === "report_figure");
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f).toMatchObject({
        document: { kind: "council-report" },
        department: { slug: "research-development-evaluation" },
        href: expect.stringMatching(/^\/(nodes|documents)\/\d+#figures-heading$/u),
      });
    }
    expect(figures.map((f) => markedText(f.title))).toEqual(
      expect.arrayContaining([expect.stringContaining("405,286 通")]),
    );
    expect(figures.map((f) => markedText(f.snippet))).toEqual(
      expect.arrayContaining([expect.stringContaining("【1999】")]),
    );
  });

  it("finds a name inside a longer word the segmenter kept whole (高雄 in 高雄市) and across words (市政府)", async () => {
    const city = await find({ q: "市政府" });
    expect(city.hits.map(plain)).toEqual(expect.arrayContaining([expect.stringContaining("高雄【市政府】")]));
    const kaohsiung = await find({ q: "高雄", kind: "agenda_item", department: "mass-rapid-transit" });
    expect(kaohsiung.hits.map(plain)).toEqual(
      expect.arrayContaining([expect.stringContaining("【高雄】市大眾捷運系統")]),
    );
  });

  it("長照 also finds 長期照顧, written out", async () => {
    const result = await find({ q: "長照" });
    expect(result.hits.map(plain)).toEqual(
      expect.arrayContaining([expect.stringContaining("【長照】"), expect.stringContaining("【長期照顧】")]),
    );
  });

  it("a quoted phrase matches only where it occurs as written, in either script", async () => {
    const words = await find({ q: "社會住宅" });
    const phrase = await find({ q: '"社會住宅"' });
    expect(phrase.total).toBeGreaterThan(0);
    // Unquoted, the two words anywhere: 社會保險 … 租賃住宅 matches too.
    expect(words.total).toBeGreaterThan(phrase.total);
    expect(words.hits.map(plain)).toEqual(
      expect.arrayContaining([expect.stringMatching(/【社會】保險.*租賃【住宅】/u)]),
    );
    expect(keys(words)).toEqual(expect.arrayContaining(keys(phrase)));
    for (const hit of phrase.hits) expect(plain(hit)).toContain("【社會住宅】");
    expect(keys(await find({ q: "「社会住宅」" }))).toEqual(keys(phrase));
    // Spacing beside Chinese characters is not part of a phrase; the order of the words is.
    const spaced = await find({ q: '"1999 萬事通"' });
    expect(keys(await find({ q: '"1999萬事通"' }))).toEqual(keys(spaced));
    expect(spaced.total).toBeGreaterThan(0);
    expect((await find({ q: '"萬事通 1999"' })).total).toBe(0);
  });

  it("marks the matched words in the title and snippet, as printed", async () => {
    const result = await find({ q: "捷运 輕軌" });
    expect(result.total).toBeGreaterThan(0);
    for (const hit of result.hits) {
      const marked = [...hit.title, ...hit.snippet].filter((s) => s.match).map((s) => s.text);
      expect(marked.length).toBeGreaterThan(0);
      // Adjacent matches are one mark: 籌措【捷運輕軌】建設.
      expect(marked.every((m) => /^(捷運|輕軌)+$/u.test(m))).toBe(true);
    }
  });
});

describe("facets", () => {
  it("count the matches by kind, department, year and status", async () => {
    const result = await find({ q: "捷運" });
    expect(result.total).toBeLessThanOrEqual(50); // every match is on this page
    expect(result.hits).toHaveLength(result.total);
    const count = (values: Array<string | number>) => {
      const counts = new Map<string | number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    const asMap = (facet: Array<{ value: string | number; count: number }>) =>
      new Map(facet.map((f) => [f.value, f.count]));
    expect(asMap(result.facets.kinds)).toEqual(count(result.hits.map((h) => h.kind)));
    expect(asMap(result.facets.departments)).toEqual(
      count(result.hits.flatMap((h) => (h.department ? [h.department.slug] : []))),
    );
    expect(asMap(result.facets.years)).toEqual(
      count(
        result.hits.flatMap((h) =>
          h.years
            ? Array.from({ length: h.years.to - h.years.from + 1 }, (_, i) => (h.years?.from ?? 0) + i)
            : [],
        ),
      ),
    );
    expect(asMap(result.facets.statuses)).toEqual(
      count(result.hits.flatMap((h) => (h.status ? [h.status] : []))),
    );
  });

  it("narrow the results when chosen, and keep counting the other choices of the same facet", async () => {
    const all = await find({ q: "捷運" });
    const items = await find({ q: "捷運", kind: "agenda_item" });
    const itemCount = all.facets.kinds.find((k) => k.value === "agenda_item")?.count;
    expect(items.total).toBe(itemCount);
    expect(items.total).toBeLessThan(all.total);
    expect(items.hits.every((h) => h.kind === "agenda_item")).toBe(true);
    expect(items.facets.kinds).toEqual(all.facets.kinds);
    expect(items.facets.departments.reduce((n, d) => n + d.count, 0)).toBe(items.total);

    const mrt = await find({ q: "捷運", kind: "agenda_item", department: "mass-rapid-transit" });
    expect(mrt.total).toBe(items.facets.departments.find((d) => d.value === "mass-rapid-transit")?.count);
    expect(mrt.hits.every((h) => h.department?.slug === "mass-rapid-transit")).toBe(true);

    const in2024 = await find({ q: "捷運", year: 2024 });
    expect(in2024.total).toBe(all.facets.years.find((y) => y.value === 2024)?.count);
    expect(in2024.hits.every((h) => h.document.kind === "mid-term-plan")).toBe(true);

    const nowhere = await find({ q: "捷運", department: "no-such-office" });
    expect(nowhere.total).toBe(0);
    expect(nowhere.hits).toEqual([]);
  });

  it("pages through the matches and answers the last page for one past the end", async () => {
    const first = await find({ q: "高雄", size: 10 });
    const second = await find({ q: "高雄", size: 10, page: 2 });
    expect(second.total).toBe(first.total);
    expect(keys(second).some((k) => keys(first).includes(k))).toBe(false);
    const beyond = await find({ q: "高雄", size: 10, page: 999 });
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.pageCount).toBe(Math.ceil(first.total / 10));
    expect(beyond.hits.length).toBeGreaterThan(0);
  });

  it("refuses a text with nothing to search with a typed error", async () => {
    await expect(search(t.db, { q: "「」", page: 1, size: 20 })).rejects.toBeInstanceOf(SearchQueryError);
  });
});

describe("progress entries", () => {
  it("are found by their narrative, set their item's status, and leave when withdrawn", async () => {
    const item = await t.db.planNode.findFirstOrThrow({
      where: { kind: "agenda_item", text: { contains: "捷運鳳山線" } },
      select: { id: true },
    });
    const author = await t.db.user.create({
      data: { email: "search-staff@example.test", name: "Staff", passwordHash: "x", role: "staff" },
    });
    const entry = await t.db.$transaction(async (tx) => {
      const created = await tx.progressEntry.create({
        data: {
          nodeId: item.id,
          periodYear: 2013,
          periodFrom: new Date("2013-01-01"),
          periodTo: new Date("2013-12-31"),
          status: "on_track",
          narrative: "鳳山線可行性評估報告已送交通部審查。",
          authorId: author.id,
          state: "published", // only published updates are searchable
        },
      });
      await indexProgressEntry(tx, created.id);
      return created;
    });

    const found = await find({ q: "可行性評估報告" });
    expect(found.hits.find((h) => h.type === "progress_entry")).toMatchObject({
      id: entry.id,
      kind: "progress_entry",
      status: "on_track",
      href: `/nodes/${item.id}#progress-heading`,
    });
    const onTrack = await find({ q: "捷運", status: "on_track" });
    expect(onTrack.hits.map((h) => `${h.type}:${h.id}`)).toContain(`node:${item.id}`);

    await t.db.$transaction(async (tx) => {
      await tx.progressEntry.update({
        where: { id: entry.id },
        data: { withdrawnAt: new Date(), withdrawnReason: "wrong item" },
      });
      await indexProgressEntry(tx, entry.id);
    });
    expect((await find({ q: "可行性評估報告" })).hits.some((h) => h.type === "progress_entry")).toBe(false);
    const node = await find({ q: "捷運鳳山線" });
    expect(node.hits.find((h) => h.type === "node" && h.id === item.id)?.status).toBe("no_update");
  });
});

describe("keeping the index in step with imports", () => {
  const MID_TERM_FILE = "seeds/001_cf916e88195360de.txt";
  const REMOVED_POINT =
    "2. 擴大辦理租金補貼業務，針對單身青年、新婚與育兒家庭、社會弱勢等族群加碼補貼，減輕市民租屋負擔。";
  const corrected = () =>
    Buffer.from(
      readFileSync(MID_TERM_FILE, "utf8")
        .replace("推動環狀輕軌", "推動水上巴士")
        .replace(`${REMOVED_POINT}\n`, ""),
    );

  it("leaves the index as it was when an import fails after writing it", async () => {
    const before = await indexSnapshot(t.db);
    let seenInside = -1;
    // The import's transaction fails after everything in it, the index write included, has run.
    const failing = new Proxy(t.db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return (work: (tx: Prisma.TransactionClient) => Promise<unknown>, options?: { timeout?: number }) =>
          target.$transaction(async (tx) => {
            await work(tx);
            seenInside = await tx.searchEntry.count({ where: { folded: { contains: "水上巴士" } } });
            throw new Error("injected failure at the end of the import");
          }, options);
      },
    });
    const read = readDocumentFile({ fileName: "001-corrected.txt", bytes: corrected() });
    await expect(saveParsedDocument(failing, { ...read, importedById: null })).rejects.toThrow(/injected/u);
    expect(seenInside).toBeGreaterThan(0);
    expect(await indexSnapshot(t.db)).toEqual(before);
    expect((await find({ q: "水上巴士" })).total).toBe(0);
  });

  it("replaces a re-imported document's entries: new text found, old text and removed nodes gone", async () => {
    const plan = await t.db.sourceDocument.findFirstOrThrow({ where: { kind: "mid_term_plan" } });
    const removed = await t.db.planNode.findFirstOrThrow({
      where: { documentId: plan.id, text: { contains: "擴大辦理租金補貼業務" } },
      select: { id: true },
    });
    const outcome = await importDocument(t.db, { fileName: "001-corrected.txt", bytes: corrected() });
    expect(outcome).toMatchObject({ status: "updated", documentId: plan.id });

    const boat = await find({ q: "水上巴士" });
    expect(boat.hits.map((h) => h.document.id)).toEqual([plan.id]);
    const lightRail = await find({ q: "環狀輕軌" });
    expect(lightRail.total).toBeGreaterThan(0); // the outline's items still say it
    expect(lightRail.hits.some((h) => h.document.id === plan.id)).toBe(false);

    const entries = await t.db.searchEntry.findMany({
      where: { documentId: plan.id },
      select: { entityType: true, entityId: true },
    });
    const nodes = await t.db.planNode.findMany({ where: { documentId: plan.id }, select: { id: true } });
    expect(
      entries
        .filter((e) => e.entityType === "node")
        .map((e) => e.entityId)
        .sort(),
    ).toEqual(nodes.map((n) => n.id).sort());
    expect(new Set(entries.map((e) => `${e.entityType}:${e.entityId}`)).size).toBe(entries.length);
    expect(entries.some((e) => e.entityType === "node" && e.entityId === removed.id)).toBe(false);
  });

  it("builds the index of a database seeded before search existed, and of entries an older version wrote", async () => {
    const complete = await indexSnapshot(t.db);
    await t.db.searchEntry.deleteMany({});
    const plan = await t.db.sourceDocument.findFirstOrThrow({ where: { kind: "mid_term_plan" } });
    await seedDatabase(t.db, "seeds");
    expect(await indexSnapshot(t.db)).toEqual(complete);

    await t.db.searchEntry.updateMany({ where: { documentId: plan.id }, data: { indexVersion: 0 } });
    await seedDatabase(t.db, "seeds");
    expect(await t.db.searchEntry.count({ where: { indexVersion: 0 } })).toBe(0);
    expect(await indexSnapshot(t.db)).toEqual(complete);
  });
});
