import { describe, expect, it } from "vitest";
import { diffVersions } from "@/lib/progress/history";
import { changeLabels, figureText, showChange } from "./changes";
import { en, zhHant } from "./messages";

const version = {
  status: "on_track" as const,
  percent: 40,
  narrative: "辦理城市外交",
  periodFrom: new Date(Date.UTC(2026, 9, 1)),
  periodTo: new Date(Date.UTC(2026, 11, 31)),
  figures: [{ value: 5, unit: "場", label: "城市互訪" }],
  evidenceLinks: [{ url: "https://example.org/report", title: "成果報告" }],
  withdrawnAt: null,
  withdrawnReason: null,
};

describe("version history in the reader's language", () => {
  it("shows a figure as value, unit and label", () => {
    expect(figureText("zh-Hant", { value: 5, unit: "場", label: "城市互訪" })).toBe("5 場 城市互訪");
    expect(figureText("en", { value: 1200.5, unit: "", label: "visitors" })).toBe("1,200.5 visitors");
  });

  it("shows a first version's fields as words, figures and links, never codes or JSON", () => {
    const shown = diffVersions(null, version).map((c) => showChange("zh-Hant", changeLabels(zhHant), c));
    expect(shown.map((c) => c.label)).toEqual(["期間", "狀態", "完成度", "說明", "數據", "佐證連結"]);
    expect(shown.every((c) => c.before === null)).toBe(true);
    const after = Object.fromEntries(shown.map((c) => [c.field, c.after]));
    expect(after.period).toEqual({ kind: "text", text: "民國 115 年（2026） 第 4 季" });
    expect(after.status).toEqual({ kind: "text", text: "進行中" });
    expect(after.percent).toEqual({ kind: "text", text: "40%" });
    expect(after.figures).toEqual({ kind: "list", items: ["5 場 城市互訪"] });
    expect(after.evidenceLinks).toEqual({
      kind: "links",
      links: [{ href: "https://example.org/report", text: "成果報告" }],
    });
    expect(JSON.stringify(shown)).not.toContain("on_track");
  });

  it("shows only what changed, before and after, in English", () => {
    const next = {
      ...version,
      status: "delayed" as const,
      percent: null,
      evidenceLinks: [{ url: "javascript:alert(1)" }],
      withdrawnAt: new Date(),
      withdrawnReason: "填錯項目",
    };
    const shown = diffVersions(version, next).map((c) => showChange("en", changeLabels(en), c));
    expect(shown).toEqual([
      {
        field: "status",
        label: "Status",
        before: { kind: "text", text: "On track" },
        after: { kind: "text", text: "Delayed" },
      },
      {
        field: "percent",
        label: "Complete",
        before: { kind: "text", text: "40%" },
        after: { kind: "text", text: "—" },
      },
      {
        field: "evidenceLinks",
        label: "Evidence links",
        before: { kind: "links", links: [{ href: "https://example.org/report", text: "成果報告" }] },
        // Not a web address: shown as text, never as a link.
        after: { kind: "links", links: [{ href: null, text: "javascript:alert(1)" }] },
      },
      {
        field: "withdrawn",
        label: "Withdrawn",
        before: { kind: "text", text: "—" },
        after: { kind: "text", text: "填錯項目" },
      },
    ]);
  });

  it("names a whole-year period and an irregular one", () => {
    const year = {
      ...version,
      periodFrom: new Date(Date.UTC(2026, 0, 1)),
      periodTo: new Date(Date.UTC(2026, 11, 31)),
    };
    const [period] = diffVersions(version, year).map((c) => showChange("en", changeLabels(en), c));
    expect(period?.after).toEqual({ kind: "text", text: "2026 (ROC 115) Whole year" });
    const odd = {
      ...version,
      periodFrom: new Date(Date.UTC(2026, 1, 3)),
      periodTo: new Date(Date.UTC(2026, 2, 4)),
    };
    const [oddPeriod] = diffVersions(version, odd).map((c) => showChange("en", changeLabels(en), c));
    expect(oddPeriod?.after).toEqual({ kind: "text", text: "3 Feb 2026 – 4 Mar 2026" });
  });
});
