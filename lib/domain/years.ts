/** ROC year + 1911 = Gregorian year (民國 102 年 = 2013). */
export const ROC_YEAR_OFFSET = 1911;

/**
 * The Gregorian years the portal accepts anywhere (URLs, forms, the API, the parser). From 1912,
 * 民國元年: every document is dated in ROC years, so an earlier year can match nothing and is a
 * caller's mistake, not an empty period. The upper bound only keeps typos out of the database.
 */
export const MIN_YEAR = ROC_YEAR_OFFSET + 1;
export const MAX_YEAR = 2200;
/** The same bounds as ROC years (1 … 289). */
export const MIN_ROC_YEAR = MIN_YEAR - ROC_YEAR_OFFSET;
export const MAX_ROC_YEAR = MAX_YEAR - ROC_YEAR_OFFSET;

export const rocToGregorian = (roc: number): number => roc + ROC_YEAR_OFFSET;
export const gregorianToRoc = (year: number): number => year - ROC_YEAR_OFFSET;

/** A nullable ROC year column as a Gregorian year (documents without a year stay null). */
export const rocToGregorianOrNull = (roc: number | null): number | null =>
  roc === null ? null : rocToGregorian(roc);

/** Whether a number is a whole year the portal accepts (see MIN_YEAR). */
export const isAcceptedYear = (year: number): boolean =>
  Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
