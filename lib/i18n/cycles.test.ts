import { describe, expect, it } from "vitest";
import { CADENCES, periodOf, STEP_STATES } from "@/lib/domain/cycles";
import { cadenceLabel, periodLabel, shortPeriodLabel, stepStateLabel } from "./cycles";

describe("period labels", () => {
  it("writes ROC years in Chinese and Gregorian in English", () => {
    expect(periodLabel(periodOf("quarterly", 2026, 4), "zh-Hant")).toBe("民國 115 年第 4 季");
    expect(periodLabel(periodOf("quarterly", 2026, 4), "en")).toBe("2026 Q4");
    expect(periodLabel(periodOf("monthly", 2026, 3), "zh-Hant")).toBe("民國 115 年 3 月");
    expect(periodLabel(periodOf("monthly", 2026, 3), "en")).toBe("Mar 2026");
    expect(periodLabel(periodOf("monthly", 2026, 12), "en")).toBe("Dec 2026");
    expect(periodLabel(periodOf("half_yearly", 2026, 1), "zh-Hant")).toBe("民國 115 年上半年");
    expect(periodLabel(periodOf("half_yearly", 2026, 2), "zh-Hant")).toBe("民國 115 年下半年");
    expect(periodLabel(periodOf("half_yearly", 2026, 1), "en")).toBe("2026 H1");
  });
});

describe("short period labels", () => {
  it("fits a chart's bar label in Chinese, and stays as it was in English", () => {
    expect(shortPeriodLabel(periodOf("quarterly", 2026, 4), "zh-Hant")).toBe("115年第4季");
    expect(shortPeriodLabel(periodOf("monthly", 2026, 3), "zh-Hant")).toBe("115年3月");
    expect(shortPeriodLabel(periodOf("half_yearly", 2026, 2), "zh-Hant")).toBe("115年下半年");
    expect(shortPeriodLabel(periodOf("quarterly", 2026, 4), "en")).toBe("2026 Q4");
  });
});

describe("cadence and step-state labels", () => {
  it("names each cadence", () => {
    expect(cadenceLabel("monthly", "zh-Hant")).toBe("每月");
    expect(cadenceLabel("quarterly", "zh-Hant")).toBe("每季");
    expect(cadenceLabel("half_yearly", "zh-Hant")).toBe("每半年");
    expect(cadenceLabel("half_yearly", "en")).toBe("Half-yearly");
  });

  it("has a distinct, non-empty label for every value in both locales", () => {
    for (const locale of ["zh-Hant", "en"] as const) {
      const cadences = CADENCES.map((c) => cadenceLabel(c, locale));
      const states = STEP_STATES.map((s) => stepStateLabel(s, locale));
      for (const labels of [cadences, states]) {
        expect(labels.every((l) => l.trim().length > 0)).toBe(true);
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
    expect(stepStateLabel("overdue", "zh-Hant")).toBe("逾期");
    expect(stepStateLabel("overdue", "en")).toBe("Overdue");
  });
});
