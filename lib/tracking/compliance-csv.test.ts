import { describe, expect, it } from "vitest";
import { periodOf } from "@/lib/domain/cycles";
import type { ComplianceReport } from "./compliance";
import { complianceCsv } from "./compliance-csv";

const Q4 = periodOf("quarterly", 2026, 4);
const counts = { due: 3, onTime: 2, late: 0, returned: 1, notReported: 0, published: 1 };
const report: ComplianceReport = {
  generatedAt: new Date("2027-01-20T02:03:04Z"),
  sets: [{ id: 5, name: "115 年度列管" }],
  set: { id: 5, name: "115 年度列管" },
  cycles: [{ key: "2026-Q4", period: Q4 }],
  cycle: null,
  tracked: 3,
  rows: [
    {
      key: "2026-Q4",
      period: Q4,
      department: { slug: "secretariat", nameZh: "秘書處", nameEn: "Secretariat" },
      counts,
      onTimeShare: 2 / 3,
    },
  ],
  totals: counts,
  byCycle: [],
  neverUpdated: { total: 0, items: [] },
};

describe("complianceCsv", () => {
  it("writes a BOM, Chinese headers and one row per department × cycle", () => {
    const csv = complianceCsv(report);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, row, end] = csv.slice(1).split("\r\n");
    expect(header).toBe("列管案,期別,期別代碼,機關,應填報,準時,遲交,退回,未填報,已公開,準時率（%）,資料時間");
    expect(row).toBe(
      "115 年度列管,民國 115 年第 4 季,2026-Q4,秘書處,3,2,0,1,0,1,66.7,2027-01-20T10:03:04+08:00",
    );
    expect(end).toBe("");
  });

  it("names all sets when none is chosen, and leaves the share empty when nothing was due", () => {
    const none = { ...counts, due: 0, onTime: 0, returned: 0, published: 0 };
    const [, row] = complianceCsv({
      ...report,
      set: null,
      rows: [{ ...report.rows[0]!, counts: none, onTimeShare: null }],
    }).split("\r\n");
    expect(row).toBe("全部列管案,民國 115 年第 4 季,2026-Q4,秘書處,0,0,0,0,0,0,,2027-01-20T10:03:04+08:00");
  });
});
