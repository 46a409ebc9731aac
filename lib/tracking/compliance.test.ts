import { describe, expect, it } from "vitest";
import type { UpdateState } from "@/lib/domain/updates";
import {
  classifyReport,
  type ComplianceCounts,
  type ComplianceCycle,
  type ComplianceItem,
  type ComplianceSet,
  isDue,
  type ReportFacts,
  tallyCompliance,
  worstFirst,
} from "./compliance";

const day = (d: string) => new Date(`${d}T00:00:00Z`); // as DATE columns arrive

const SET: ComplianceSet = {
  id: 1,
  cadence: "quarterly",
  fromDay: day("2026-01-01"),
  toDay: day("2026-12-31"),
};
/** 2026 Q4: staff due 2027-01-10 (a Sunday is still a due day: calendar days). */
const Q4: ComplianceCycle = {
  setId: 1,
  periodKey: "2026-Q4",
  periodFrom: day("2026-10-01"),
  periodTo: day("2026-12-31"),
  staffDue: day("2027-01-10"),
};
const Q3: ComplianceCycle = {
  setId: 1,
  periodKey: "2026-Q3",
  periodFrom: day("2026-07-01"),
  periodTo: day("2026-09-30"),
  staffDue: day("2026-10-10"),
};
const TODAY = "2027-02-01";

const item = (overrides: Partial<ComplianceItem> = {}): ComplianceItem => ({
  id: 1,
  setId: 1,
  nodeId: 100,
  state: "tracking",
  leadDepartmentId: 7,
  ...overrides,
});

let nextId = 1;
function update(
  state: UpdateState,
  firstSubmitAt: string | null,
  overrides: Partial<ReportFacts & { nodeId: number }> = {},
): ReportFacts & { nodeId: number } {
  return {
    id: nextId++,
    nodeId: 100,
    periodFrom: Q4.periodFrom,
    periodTo: Q4.periodTo,
    state,
    updatedAt: new Date(firstSubmitAt ?? "2027-01-05T00:00:00Z"),
    withdrawnAt: null,
    firstSubmitAt: firstSubmitAt === null ? null : new Date(firstSubmitAt),
    publishedAt: state === "published" ? new Date("2027-01-20T00:00:00Z") : null,
    ...overrides,
  };
}

describe("isDue: which (item, cycle) owes a report", () => {
  it("is due once the period has ended in Taipei, for a tracked item with a lead department", () => {
    expect(isDue(item(), SET, Q4, "2027-01-01")).toBe(true);
    // 2026-12-31 is the period's last day: nothing is owed yet.
    expect(isDue(item(), SET, Q4, "2026-12-31")).toBe(false);
  });

  it("is never due for a closed item or one without a lead department", () => {
    expect(isDue(item({ state: "closed" }), SET, Q4, TODAY)).toBe(false);
    expect(isDue(item({ leadDepartmentId: null }), SET, Q4, TODAY)).toBe(false);
  });

  it("is never due for another set's cycle, or a period the set does not cover", () => {
    expect(isDue(item({ setId: 2 }), SET, Q4, TODAY)).toBe(false);
    const narrow = { ...SET, toDay: day("2026-09-30") };
    expect(isDue(item(), narrow, Q4, TODAY)).toBe(false);
    expect(isDue(item(), narrow, Q3, TODAY)).toBe(true);
  });
});

describe("classifyReport: on time, late, returned or not reported", () => {
  it("is on time up to midnight in Taipei at the end of the staff due day, late from then", () => {
    // 2027-01-10 23:59:59 in Taipei is 15:59:59 UTC; 00:00 on the 11th is 16:00 UTC.
    expect(classifyReport(update("submitted", "2027-01-10T15:59:59Z"), Q4.staffDue)).toBe("onTime");
    expect(classifyReport(update("submitted", "2027-01-10T16:00:00Z"), Q4.staffDue)).toBe("late");
    // Still the 10th in UTC, already the 11th in Taipei: late.
    expect(classifyReport(update("submitted", "2027-01-10T20:00:00Z"), Q4.staffDue)).toBe("late");
    // Early on the 10th in Taipei (the 9th in UTC): on time.
    expect(classifyReport(update("approved", "2027-01-09T17:00:00Z"), Q4.staffDue)).toBe("onTime");
  });

  it("counts a report sent during the grace days as late", () => {
    expect(classifyReport(update("published", "2027-01-13T02:00:00Z"), Q4.staffDue)).toBe("late");
  });

  it("judges by the first submission, not a later resubmission", () => {
    const report = update("submitted", "2027-01-08T02:00:00Z", {
      updatedAt: new Date("2027-01-20T00:00:00Z"),
    });
    expect(classifyReport(report, Q4.staffDue)).toBe("onTime");
  });

  it("lets returned win over on time and late", () => {
    expect(classifyReport(update("returned", "2027-01-02T02:00:00Z"), Q4.staffDue)).toBe("returned");
    expect(classifyReport(update("returned", "2027-01-30T02:00:00Z"), Q4.staffDue)).toBe("returned");
  });

  it("counts a draft, or nothing, as not reported", () => {
    expect(classifyReport(update("draft", null), Q4.staffDue)).toBe("notReported");
    expect(classifyReport(undefined, Q4.staffDue)).toBe("notReported");
  });

  it("judges an update published before sign-off existed (no submit step) by its publication", () => {
    const legacy = (at: string) =>
      update("published", null, { publishedAt: new Date(at), updatedAt: new Date("2027-03-01T00:00:00Z") });
    expect(classifyReport(legacy("2027-01-10T12:00:00Z"), Q4.staffDue)).toBe("onTime");
    expect(classifyReport(legacy("2027-01-11T12:00:00Z"), Q4.staffDue)).toBe("late");
  });
});

describe("tallyCompliance: by department × cycle and by cycle", () => {
  const tally = (items: ComplianceItem[], updates: Array<ReportFacts & { nodeId: number }>) =>
    tallyCompliance({
      today: TODAY,
      sets: [SET],
      cycles: [Q3, Q4],
      items,
      updatesOf: (nodeId) => updates.filter((u) => u.nodeId === nodeId),
    });
  const counts = (partial: Partial<ComplianceCounts>): ComplianceCounts => ({
    due: 0,
    onTime: 0,
    late: 0,
    returned: 0,
    notReported: 0,
    published: 0,
    ...partial,
  });

  it("classifies each due item once per cycle and adds up by department and by cycle", () => {
    const items = [
      item({ id: 1, nodeId: 101 }),
      item({ id: 2, nodeId: 102 }),
      item({ id: 3, nodeId: 103, leadDepartmentId: 8 }),
      item({ id: 4, nodeId: 104, state: "closed" }),
    ];
    const updates = [
      update("published", "2027-01-09T02:00:00Z", { nodeId: 101 }), // Q4 on time, published
      update("submitted", "2027-01-12T02:00:00Z", { nodeId: 102 }), // Q4 late
      update("returned", "2027-01-05T02:00:00Z", { nodeId: 103 }), // Q4 returned
      update("published", "2027-01-05T02:00:00Z", { nodeId: 104 }), // closed: never due
      // Item 2's Q3 update, sent before Q3's due day (2026-10-10): on time; the others owe Q3.
      update("approved", "2026-10-09T02:00:00Z", {
        nodeId: 102,
        periodFrom: day("2026-07-01"),
        periodTo: day("2026-09-30"),
      }),
    ];
    const { byDepartment, byCycle } = tally(items, updates);
    expect(byDepartment.get(7)?.get("2026-Q4")).toEqual(counts({ due: 2, onTime: 1, late: 1, published: 1 }));
    expect(byDepartment.get(7)?.get("2026-Q3")).toEqual(counts({ due: 2, onTime: 1, notReported: 1 }));
    expect(byDepartment.get(8)?.get("2026-Q4")).toEqual(counts({ due: 1, returned: 1 }));
    expect(byCycle.get("2026-Q4")).toEqual(counts({ due: 3, onTime: 1, late: 1, returned: 1, published: 1 }));
    expect(byCycle.get("2026-Q3")).toEqual(counts({ due: 3, onTime: 1, notReported: 2 }));
  });

  it("ignores withdrawn updates: a withdrawn report leaves the item not reported", () => {
    const withdrawn = update("published", "2027-01-05T02:00:00Z", {
      nodeId: 101,
      withdrawnAt: new Date("2027-01-25T00:00:00Z"),
    });
    expect(tally([item({ nodeId: 101 })], [withdrawn]).byCycle.get("2026-Q4")).toEqual(
      counts({ due: 1, notReported: 1 }),
    );
    const again = update("submitted", "2027-01-26T02:00:00Z", { nodeId: 101 });
    expect(tally([item({ nodeId: 101 })], [withdrawn, again]).byCycle.get("2026-Q4")).toEqual(
      counts({ due: 1, late: 1 }),
    );
  });

  it("counts nothing before any period has ended", () => {
    const early = tallyCompliance({
      today: "2026-09-30",
      sets: [SET],
      cycles: [Q3, Q4],
      items: [item()],
      updatesOf: () => [],
    });
    expect(early.byCycle.size).toBe(0);
    expect(early.byDepartment.size).toBe(0);
  });
});

describe("worstFirst", () => {
  it("puts the lowest on-time share first, then the most not reported", () => {
    const good = { due: 4, onTime: 4, late: 0, returned: 0, notReported: 0, published: 4 };
    const lateOnes = { due: 4, onTime: 1, late: 3, returned: 0, notReported: 0, published: 0 };
    const missing = { due: 4, onTime: 1, late: 0, returned: 0, notReported: 3, published: 0 };
    expect([good, lateOnes, missing].sort(worstFirst)).toEqual([missing, lateOnes, good]);
  });
});
