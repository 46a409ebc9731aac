/** ROC year + 1911 = Gregorian year (民國 102 年 = 2013). */
export const ROC_YEAR_OFFSET = 1911;
