import { describe, expect, it } from "vitest";
import { countStatuses, needsDropReason, rollUp } from "./progress";

describe("countStatuses", () => {
  it("counts items without an entry as no update", () => {
    expect(countStatuses(["delayed", null, "delayed", "completed"])).toMatchObject({
      delayed: 2,
      completed: 1,
      no_update: 1,
      total: 4,
    });
  });
});

describe("rollUp", () => {
  it("weights by budget when every contributing item has one", () => {
    const result = rollUp([
      { status: "on_track", percent: 50, budgetThousands: 300 },
      { status: "completed", percent: null, budgetThousands: 100 },
    ]);
    expect(result).toMatchObject({ percent: 63, basedOn: 2, weightedByBudget: true }); // (50·300 + 100·100) / 400
  });

  it("weights equally when any contributing item lacks a budget", () => {
    const result = rollUp([
      { status: "on_track", percent: 50, budgetThousands: 300 },
      { status: "not_started", percent: null, budgetThousands: null },
    ]);
    expect(result).toMatchObject({ percent: 25, basedOn: 2, weightedByBudget: false });
  });

  it("leaves out cancelled items and items with no figure, and says what the percent rests on", () => {
    const result = rollUp([
      { status: "cancelled", percent: 10, budgetThousands: null },
      { status: "delayed", percent: null, budgetThousands: null },
      { status: null, percent: null, budgetThousands: null },
      { status: "on_track", percent: 40, budgetThousands: null },
    ]);
    expect(result).toMatchObject({ percent: 40, basedOn: 1 });
    expect(result.counts).toMatchObject({ cancelled: 1, delayed: 1, no_update: 1, on_track: 1, total: 4 });
  });

  it("has no percent when nothing reports one", () => {
    expect(rollUp([{ status: null, percent: null, budgetThousands: null }])).toMatchObject({
      percent: null,
      basedOn: 0,
    });
    expect(rollUp([])).toMatchObject({ percent: null, basedOn: 0, counts: { total: 0 } });
  });
});

describe("needsDropReason", () => {
  it.each([
    [30, 40, true], // lower than published: say why
    [40, 40, false],
    [55, 40, false],
    [0, 1, true],
    [null, 40, false], // no percentage given: nothing to compare
    [30, null, false], // nothing published yet
  ] as const)("%s after %s published → %s", (percent, published, needed) => {
    expect(needsDropReason(percent, published)).toBe(needed);
  });
});
