import { z } from "zod";
import { MAX_ROC_YEAR, MAX_YEAR, MIN_ROC_YEAR, MIN_YEAR } from "@/lib/domain/years";

/**
 * Field atoms every form, URL and endpoint composes its schema from, so a slug or a year means the
 * same thing everywhere. Default messages are keys of `progressForm.errors` (lib/i18n), which a form
 * translates; the open-data API passes its own English sentence (lib/api/params.ts). Safe in the
 * browser: nothing here touches the server.
 */

/** A department's slug as in URLs (`secretariat`). No `u` flag: OpenAPI copies flags into `pattern`. */
export const DEPARTMENT_SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;

export const isDepartmentSlug = (value: string): boolean => DEPARTMENT_SLUG_PATTERN.test(value);

export function departmentSlug(message = "department") {
  return z.string().regex(DEPARTMENT_SLUG_PATTERN, { error: message });
}

/** A Gregorian year the portal accepts (1912 …, see lib/domain/years.ts). */
export function gregorianYear(message = "year") {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(MIN_YEAR, { error: message })
    .max(MAX_YEAR, {
      error: message,
    });
}

/** The same, read from a query string or form field ("2018"). */
export function gregorianYearText(message = "year") {
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(MIN_YEAR, { error: message })
    .max(MAX_YEAR, { error: message });
}

/** An ROC year (民國 1 … 289), as documents print it. */
export function rocYear(message = "year") {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(MIN_ROC_YEAR, { error: message })
    .max(MAX_ROC_YEAR, { error: message });
}

/** A quarter of a year, 1 to 4. */
export function quarter(message = "quarter") {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(4, { error: message });
}

/** Percent complete: a whole number from 0 to 100. */
export function percent(message = "percent") {
  return z.number({ error: message }).int({ error: message }).min(0, { error: message }).max(100, {
    error: message,
  });
}

/** A reporting period: a year, and a quarter of it or null for the whole year. */
export const period = z.object({ year: gregorianYear(), quarter: quarter().nullable() });
export type Period = z.infer<typeof period>;

/*
 * Filters in a public URL: a malformed value means "no filter", never an error, so a shared link
 * with a typo still shows something sensible.
 */
export const departmentFilter = departmentSlug().optional().catch(undefined);
export const yearFilter = gregorianYearText().optional().catch(undefined);
