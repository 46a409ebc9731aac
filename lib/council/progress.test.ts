import { describe, expect, it } from "vitest";
import type { StatusOrNone } from "@/lib/domain/progress";
import { type DatedEntry, excerpt, latestEntryAsOf, statusAsOf } from "./progress";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const entry = (
  status: DatedEntry["status"],
  periodFrom: string,
  updatedAt: string,
  withdrawnAt: string | null = null,
): DatedEntry & { name: string } => ({
  name: `${status}@${periodFrom}/${updatedAt}${withdrawnAt ? " (withdrawn)" : ""}`,
  status,
  periodFrom: day(periodFrom),
  updatedAt: new Date(updatedAt),
  withdrawnAt: withdrawnAt === null ? null : new Date(withdrawnAt),
});

// An item of a plan covering 2018–2019: on track in 2018 Q1, delayed from 2018 Q4, done in 2019 Q3.
const q1 = entry("on_track", "2018-01-01", "2018-04-02T08:00:00Z");
const q4 = entry("delayed", "2018-10-01", "2019-01-05T08:00:00Z");
const q4Corrected = entry("on_track", "2018-10-01", "2019-01-09T08:00:00Z", "2019-01-10T00:00:00Z");
const done = entry("completed", "2019-07-01", "2019-10-03T08:00:00Z");
const history = [done, q1, q4Corrected, q4];

describe("status as of a period end", () => {
  it.each<[string, readonly DatedEntry[], string, StatusOrNone]>([
    ["before any entry's period", history, "2017-12-31", "no_update"],
    ["end of 2018: the Q4 entry (the withdrawn correction does not count)", history, "2018-12-31", "delayed"],
    ["end of 2019: the latest period", history, "2019-12-31", "completed"],
    ["mid-2018: only Q1 had begun", history, "2018-06-30", "on_track"],
    ["an entry whose period begins on the end day counts", [q1], "2018-01-01", "on_track"],
    ["no entries", [], "2030-12-31", "no_update"],
    ["only withdrawn entries", [q4Corrected], "2030-12-31", "no_update"],
  ])("%s", (_, entries, asOf, expected) => {
    expect(statusAsOf(entries, day(asOf))).toBe(expected);
  });

  it("within one period the newest save wins, whatever the input order", () => {
    const early = entry("on_track", "2018-01-01", "2018-03-01T00:00:00Z");
    const late = entry("delayed", "2018-01-01", "2018-03-20T00:00:00Z");
    expect(latestEntryAsOf([early, late], day("2018-12-31"))?.name).toBe(late.name);
    expect(latestEntryAsOf([late, early], day("2018-12-31"))?.name).toBe(late.name);
  });

  it("a later period beats a later save of an earlier period", () => {
    const q2 = entry("on_track", "2018-04-01", "2018-07-01T00:00:00Z");
    const q1Edited = entry("delayed", "2018-01-01", "2018-08-01T00:00:00Z");
    expect(latestEntryAsOf([q1Edited, q2], day("2018-12-31"))?.name).toBe(q2.name);
  });
});

describe("excerpt", () => {
  const long = "辦理公文線上簽核推廣".repeat(20); // 200 characters
  it.each<[string, string, number, string]>([
    ["short text unchanged", "辦理教育訓練 12 場", 120, "辦理教育訓練 12 場"],
    ["whitespace collapsed", "  第一行\n\n第二行\t完  ", 120, "第一行 第二行 完"],
    ["exactly the limit kept whole", "一二三四五", 5, "一二三四五"],
    ["one over the limit cut with an ellipsis", "一二三四五六", 5, "一二三四…"],
    ["trailing space before the cut dropped", "abc  def", 5, "abc…"],
  ])("%s", (_, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  it("never exceeds 120 characters by default, nor splits a surrogate pair", () => {
    expect(Array.from(excerpt(long)).length).toBe(120);
    expect(excerpt(long).endsWith("…")).toBe(true);
    const astral = "𠀀".repeat(130);
    const cut = excerpt(astral);
    expect(Array.from(cut)).toHaveLength(120);
    expect(/\p{Cs}/u.test(cut)).toBe(false); // no lone surrogate
  });
});
