import { describe, expect, it } from "vitest";
import type { ItemRow } from "@/lib/queries/items";
import { itemRecords, itemsCsv } from "./items";

const row: ItemRow = {
  id: 12,
  kind: "agenda_item",
  numberLabel: "一",
  title: "加強國際交流",
  department: { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" },
  document: { id: 3, title: "秘書處 115 年度施政計畫提要" },
  year: 2026,
  status: "on_track",
  percent: 40,
  updatedAt: "2026-11-28T17:30:00.000Z",
};

describe("the items download", () => {
  it("writes when an item was updated as ISO 8601 in Taipei time (+08:00)", () => {
    const [record] = itemRecords([row], "http://localhost");
    // 17:30 UTC on the 28th is 01:30 on the 29th in Taipei: the same instant.
    expect(record?.updatedAt).toBe("2026-11-29T01:30:00+08:00");
    expect(itemsCsv(itemRecords([row], "http://localhost"))).toContain(",2026-11-29T01:30:00+08:00,");
    expect(itemRecords([{ ...row, updatedAt: null }], "http://localhost")[0]?.updatedAt).toBeNull();
  });
});
