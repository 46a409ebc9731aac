export const ROC_YEAR_OFFSET = 1911;

/** "民國 112 年（2023）", or a range "民國 112–115 年（2023–2026）". */
export function formatYearRange(yearFrom: number | null, yearTo: number | null): string {
  if (yearFrom === null) return "—";
  const to = yearTo ?? yearFrom;
  if (to === yearFrom) return `民國 ${yearFrom - ROC_YEAR_OFFSET} 年（${yearFrom}）`;
  return `民國 ${yearFrom - ROC_YEAR_OFFSET}–${to - ROC_YEAR_OFFSET} 年（${yearFrom}–${to}）`;
}
