import { taipeiToday } from "@/lib/domain/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncDepartments } from "@/lib/import/departments";
import { getNodePage } from "@/lib/queries/nodes";
import { importText } from "../support/documents";
import { makeUser } from "../support/factories";
import { readFileSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/*
 * The public item page shows what staff reported with an update: its figures and evidence links
 * (title and site), when it was published, and "資料更新至"; drafts never, script URLs never.
 */

let t: TestDatabase;
let nodeId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncDepartments(t.db);
  await importText(t.db, "002.txt", readFileSync("seeds/002_edb18fdb8a68a56c.txt", "utf8"));
  nodeId = (
    await t.db.planNode.findFirstOrThrow({ where: { kind: "key_point" }, orderBy: { lineFrom: "asc" } })
  ).id;
  const author = await makeUser(t.db, "item-page-staff", "staff", ["secretariat"]);
  const common = {
    nodeId,
    authorId: author.id,
    periodYear: 2018,
    periodQuarter: 4,
    periodFrom: new Date("2018-10-01T00:00:00Z"),
    periodTo: new Date("2018-12-31T00:00:00Z"),
    status: "on_track" as const,
    percent: 60,
  };
  await t.db.progressEntry.create({
    data: {
      ...common,
      narrative: "完成 5 場城市互訪",
      state: "published",
      publishedAt: new Date("2019-01-18T02:00:00Z"),
      figures: [{ value: 5, unit: "場", label: "城市互訪" }],
      evidenceLinks: [
        { url: "https://www.kcg.gov.tw/news/1", title: "市府新聞稿" },
        { url: "http://example.org/report.pdf", title: "" },
        { url: "javascript:alert(1)", title: "不該出現" }, // never written by the forms; a tampered row
      ],
    },
  });
  await t.db.progressEntry.create({ data: { ...common, narrative: "草稿，不公開", state: "draft" } });
});
afterAll(async () => {
  await t?.dispose();
});

describe("an item's public timeline", () => {
  it("shows published updates with their figures, evidence (title and site) and publication day", async () => {
    const page = await getNodePage(t.db, nodeId, taipeiToday());
    expect(page?.progress.map((p) => p.narrative)).toEqual(["完成 5 場城市互訪"]);
    const [update] = page?.progress ?? [];
    expect(update?.figures).toEqual([{ value: 5, unit: "場", label: "城市互訪" }]);
    expect(update?.evidence).toEqual([
      { url: "https://www.kcg.gov.tw/news/1", title: "市府新聞稿", site: "kcg.gov.tw" },
      { url: "http://example.org/report.pdf", title: null, site: "example.org" },
    ]);
    expect(update?.publishedAt).toBe("2019-01-18T02:00:00.000Z");
  });
});
