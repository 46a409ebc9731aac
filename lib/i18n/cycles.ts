import type { Cadence, CyclePeriod, StepState } from "@/lib/domain/cycles";
import { ROC_YEAR_OFFSET } from "@/lib/domain/years";
import type { Locale } from "./locale";

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A reporting period as the UI names it: ROC year with spaces in Chinese, as format.ts writes years. */
export function periodLabel(period: CyclePeriod, locale: Locale): string {
  const { year, index } = period;
  const roc = `民國 ${year - ROC_YEAR_OFFSET} 年`;
  switch (period.cadence) {
    case "monthly":
      return locale === "en" ? `${EN_MONTHS[index - 1] ?? index} ${year}` : `${roc} ${index} 月`;
    case "quarterly":
      return locale === "en" ? `${year} Q${index}` : `${roc}第 ${index} 季`;
    case "half_yearly":
      return locale === "en" ? `${year} H${index}` : `${roc}${index === 1 ? "上" : "下"}半年`;
  }
}

/** The same, short enough to label a chart's bar on a phone: "115年第4季", "115年3月"; English as periodLabel. */
export function shortPeriodLabel(period: CyclePeriod, locale: Locale): string {
  if (locale === "en") return periodLabel(period, locale);
  const roc = `${period.year - ROC_YEAR_OFFSET}年`;
  switch (period.cadence) {
    case "monthly":
      return `${roc}${period.index}月`;
    case "quarterly":
      return `${roc}第${period.index}季`;
    case "half_yearly":
      return `${roc}${period.index === 1 ? "上" : "下"}半年`;
  }
}

const CADENCE_LABELS: Record<Cadence, Record<Locale, string>> = {
  monthly: { "zh-Hant": "每月", en: "Monthly" },
  quarterly: { "zh-Hant": "每季", en: "Quarterly" },
  half_yearly: { "zh-Hant": "每半年", en: "Half-yearly" },
};

export function cadenceLabel(cadence: Cadence, locale: Locale): string {
  return CADENCE_LABELS[cadence][locale];
}

/** Shared by every step (填報, 核章, 覆核), so the words name the timing, not the task. */
const STEP_STATE_LABELS: Record<StepState, Record<Locale, string>> = {
  open: { "zh-Hant": "期間進行中", en: "Period in progress" },
  due: { "zh-Hant": "應辦理", en: "Due" },
  grace: { "zh-Hant": "寬限期內", en: "In grace period" },
  overdue: { "zh-Hant": "逾期", en: "Overdue" },
};

export function stepStateLabel(state: StepState, locale: Locale): string {
  return STEP_STATE_LABELS[state][locale];
}
