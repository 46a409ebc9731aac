import { describe, expect, it } from "vitest";
import {
  byShareOnSchedule,
  colourOf,
  countLights,
  itemLightNow,
  type PublishedLight,
  rollUpLights,
  DEFAULT_THRESHOLDS,
  type LightInput,
  lightFor,
  needsCatchUpPlan,
  thresholdsRefusal,
} from "./lights";

const base: LightInput = {
  closed: false,
  update: { status: "on_track", percent: 40 },
  planned: 40,
  thresholds: DEFAULT_THRESHOLDS,
};

describe("colourOf: points behind plan against the thresholds", () => {
  // Table-driven over the bands and their edges, for the defaults and a stricter set.
  it.each([
    [DEFAULT_THRESHOLDS, -20, "green"], // ahead of plan
    [DEFAULT_THRESHOLDS, 0, "green"],
    [DEFAULT_THRESHOLDS, 5, "green"], // exactly planned − 5: still on schedule
    [DEFAULT_THRESHOLDS, 5.5, "yellow"],
    [DEFAULT_THRESHOLDS, 10, "yellow"], // exactly 10 behind: yellow
    [DEFAULT_THRESHOLDS, 10.5, "red"],
    [DEFAULT_THRESHOLDS, 60, "red"],
    [{ green: 0, yellow: 3 }, 0, "green"],
    [{ green: 0, yellow: 3 }, 1, "yellow"],
    [{ green: 0, yellow: 3 }, 3, "yellow"],
    [{ green: 0, yellow: 3 }, 4, "red"],
    [{ green: 10, yellow: 10 }, 11, "red"], // no yellow band at all
  ] as const)("%j, %s behind → %s", (thresholds, gap, light) => {
    expect(colourOf(gap, thresholds)).toBe(light);
  });
});

describe("lightFor", () => {
  it.each([
    ["on plan", {}, "green", 0, "computed"],
    ["7 behind", { update: { status: "on_track", percent: 33 } }, "yellow", 7, "computed"],
    ["25 behind", { update: { status: "delayed", percent: 15 } }, "red", 25, "computed"],
    ["ahead", { update: { status: "on_track", percent: 60 } }, "green", -20, "computed"],
    // 未填報 is its own state: not red, not "no progress".
    ["no published update", { update: null }, "not_reported", null, "notReported"],
    ["no update and no plan", { update: null, planned: null }, "not_reported", null, "notReported"],
    // Terminal states win over everything.
    ["closed", { closed: true, update: { status: "delayed", percent: 0 } }, "closed", null, "closed"],
    ["closed without a report", { closed: true, update: null }, "closed", null, "closed"],
    [
      "completed",
      { update: { status: "completed", percent: 100 }, planned: 100 },
      "completed",
      null,
      "completed",
    ],
    ["completed early", { update: { status: "completed", percent: null } }, "completed", null, "completed"],
    // No guess without both figures.
    ["no plan", { planned: null }, "unrated", null, "noPlan"],
    ["no percent", { update: { status: "delayed", percent: null } }, "unrated", null, "noPercent"],
    ["cancelled", { update: { status: "cancelled", percent: 10 } }, "unrated", null, "cancelled"],
  ] as const)("%s → %s", (_what, change, light, gap, reason) => {
    expect(lightFor({ ...base, ...change } as LightInput)).toEqual({ light, gap, reason });
  });

  it("a supervisor's override decides the colour, with the computed gap kept", () => {
    const result = lightFor({
      ...base,
      update: { status: "on_track", percent: 20 },
      override: { light: "yellow", reason: "工程款已撥付，進度將於下季追上" },
    });
    expect(result).toEqual({ light: "yellow", gap: 20, reason: "override" });
  });

  it("never overrides a terminal or unreported state", () => {
    const override = { light: "green" as const, reason: "x" };
    expect(lightFor({ ...base, update: null, override }).light).toBe("not_reported");
    expect(lightFor({ ...base, closed: true, override }).light).toBe("closed");
    expect(lightFor({ ...base, update: { status: "completed", percent: 100 }, override }).light).toBe(
      "completed",
    );
  });

  it("uses the set's thresholds", () => {
    const strict = { green: 0, yellow: 2 };
    const behind = { update: { status: "on_track" as const, percent: 37 } };
    expect(lightFor({ ...base, ...behind }).light).toBe("green");
    expect(lightFor({ ...base, ...behind, thresholds: strict }).light).toBe("red");
  });
});

describe("the rest of the rule", () => {
  it("asks for a catch-up plan on yellow and red only", () => {
    expect(
      ["green", "yellow", "red", "not_reported", "unrated", "completed", "closed"].filter((l) =>
        needsCatchUpPlan(l as Parameters<typeof needsCatchUpPlan>[0]),
      ),
    ).toEqual(["yellow", "red"]);
  });

  it.each([
    [{ green: 5, yellow: 10 }, null],
    [{ green: 0, yellow: 0 }, null],
    [{ green: 10, yellow: 5 }, "thresholdsOutOfOrder"],
    [{ green: -1, yellow: 5 }, "thresholdsOutOfRange"],
    [{ green: 5, yellow: 101 }, "thresholdsOutOfRange"],
    [{ green: 2.5, yellow: 5 }, "thresholdsOutOfRange"],
  ] as const)("thresholds %j: %s", (t, refusal) => {
    expect(thresholdsRefusal(t)).toBe(refusal);
  });

  it("counts lights for a roll-up", () => {
    const counts = countLights(["green", "green", "red", "not_reported"]);
    expect(counts).toMatchObject({ green: 2, red: 1, not_reported: 1, yellow: 0, total: 4 });
  });
});

describe("the light an item shows now", () => {
  const q = (periodEnd: string, light: PublishedLight["light"]): PublishedLight => ({ periodEnd, light });
  it.each([
    [
      "closed wins over everything",
      { closed: true, lastDuePeriodEnd: "2026-06-30", published: [q("2026-06-30", "green")] },
      "closed",
    ],
    [
      "completed is terminal, even past later due periods",
      { closed: false, lastDuePeriodEnd: "2026-09-30", published: [q("2026-06-30", "completed")] },
      "completed",
    ],
    [
      "the due period's update gives the light",
      {
        closed: false,
        lastDuePeriodEnd: "2026-06-30",
        published: [q("2026-06-30", "yellow"), q("2026-03-31", "green")],
      },
      "yellow",
    ],
    [
      "a later period's update also answers for the due one",
      { closed: false, lastDuePeriodEnd: "2026-06-30", published: [q("2026-09-30", "red")] },
      "red",
    ],
    [
      "nothing published for the due period: not reported, never 'no progress'",
      { closed: false, lastDuePeriodEnd: "2026-09-30", published: [q("2026-06-30", "green")] },
      "not_reported",
    ],
    [
      "nothing ever published and something due: not reported",
      { closed: false, lastDuePeriodEnd: "2026-03-31", published: [] },
      "not_reported",
    ],
    [
      "nothing due yet: the newest light stands",
      { closed: false, lastDuePeriodEnd: null, published: [q("2026-03-31", "green")] },
      "green",
    ],
    [
      "nothing due and nothing published: no light",
      { closed: false, lastDuePeriodEnd: null, published: [] },
      "unrated",
    ],
    [
      "published before lights existed: no light",
      { closed: false, lastDuePeriodEnd: "2026-03-31", published: [q("2026-03-31", null)] },
      "unrated",
    ],
  ] as const)("%s", (_, input, light) => {
    expect(itemLightNow(input)).toBe(light);
  });
});

describe("roll-ups", () => {
  it("shares lights by weight, equal by default", () => {
    const equal = rollUpLights([
      { light: "green", weight: 1 },
      { light: "red", weight: 1 },
      { light: "red", weight: 1 },
      { light: "not_reported", weight: 1 },
    ]);
    expect(equal.counts).toMatchObject({ green: 1, red: 2, not_reported: 1, total: 4 });
    expect(equal.shares).toMatchObject({ green: 0.25, red: 0.5, not_reported: 0.25, yellow: 0 });
    // The 研考會 weighs the green item 6: counts stay, shares move.
    const weighted = rollUpLights([
      { light: "green", weight: 6 },
      { light: "red", weight: 1 },
      { light: "red", weight: 1 },
      { light: "not_reported", weight: 2 },
    ]);
    expect(weighted.counts.red).toBe(2);
    expect(weighted.shares).toMatchObject({ green: 0.6, red: 0.2, not_reported: 0.2 });
    expect(weighted.totalWeight).toBe(10);
  });

  it("gives an empty roll-up zero shares, not NaN", () => {
    const empty = rollUpLights([]);
    expect(empty.counts.total).toBe(0);
    expect(Object.values(empty.shares).every((s) => s === 0)).toBe(true);
  });

  it("sorts the most on schedule first, then the fewest red", () => {
    const a = rollUpLights([
      { light: "green", weight: 1 },
      { light: "red", weight: 1 },
    ]);
    const b = rollUpLights([
      { light: "completed", weight: 1 },
      { light: "green", weight: 1 },
    ]);
    const c = rollUpLights([
      { light: "green", weight: 1 },
      { light: "yellow", weight: 1 },
    ]);
    expect([a, b, c].sort(byShareOnSchedule)).toEqual([b, c, a]);
  });
});
