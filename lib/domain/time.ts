/**
 * The city's clock. Instants are stored in UTC; every calendar question ("what day is it", "which
 * quarter are we in", "has this period begun") is answered in Kaohsiung's time zone, so a day or a
 * quarter turns over at midnight in Taipei, not at 08:00. Pure: `now` is always a parameter.
 */
export const CITY_TIME_ZONE = "Asia/Taipei";

/** Taiwan has had no daylight saving time since 1979: the offset is fixed. */
const CITY_OFFSET = "+08:00";

export type CalendarParts = {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: CITY_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

/** An instant's wall-clock reading in Taipei. */
export function taipeiParts(instant: Date): CalendarParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of partsFormat.formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The Taipei calendar day of an instant, as "YYYY-MM-DD". */
export function taipeiDay(instant: Date): string {
  const p = taipeiParts(instant);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The instant a Taipei calendar day ("YYYY-MM-DD") begins: midnight there. An instant is on or
 * before a day exactly when it is earlier than the start of the next one, a comparison of numbers
 * instead of a calendar conversion per instant (for figures over many thousand updates).
 */
export function startOfTaipeiDay(day: string): Date {
  const start = new Date(`${day}T00:00:00${CITY_OFFSET}`);
  if (Number.isNaN(start.getTime()))
    throw new RangeError(`Not a calendar day "YYYY-MM-DD": ${JSON.stringify(day)}`);
  return start;
}

/** Today in Taipei, as "YYYY-MM-DD". */
export function taipeiToday(now: Date = new Date()): string {
  return taipeiDay(now);
}

/** The current year in Taipei. */
export function currentTaipeiYear(now: Date = new Date()): number {
  return taipeiParts(now).year;
}

/** The current year and calendar quarter in Taipei: the reporting period staff are asked about. */
export function currentTaipeiQuarter(now: Date = new Date()): { year: number; quarter: number } {
  const { year, month } = taipeiParts(now);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * The calendar day a DATE column holds. PostgreSQL DATE values arrive as UTC midnight, so their
 * UTC fields are the day itself: no time zone applies to them.
 */
export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether a period starting on this calendar day (a DATE, UTC midnight) has begun in Taipei. */
export function hasPeriodBegun(periodStart: Date, now: Date = new Date()): boolean {
  return calendarDay(periodStart) <= taipeiToday(now);
}

/** ISO 8601 with the city's offset: "2026-11-29T04:59:00+08:00" (feeds and CSV downloads). */
export function toTaipeiIso(instant: Date): string {
  const p = taipeiParts(instant);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    CITY_OFFSET
  );
}
