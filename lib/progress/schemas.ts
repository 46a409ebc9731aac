import { z } from "zod";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { isCalendarDay } from "@/lib/domain/cycles";
import { percent, period } from "@/lib/validation/atoms";

/**
 * A progress entry as staff submit it, from the form, the bulk CSV or an API call. Messages are
 * keys into lib/i18n/messages (`t.progressForm.errors`), so each boundary answers in the reader's
 * language. Text is stored as typed and always rendered escaped: HTML in a narrative is just text.
 */
export const PROGRESS_LIMITS = {
  narrative: 4000,
  figures: 10,
  evidenceLinks: 10,
  label: 200,
  catchUp: 2000,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

/** A calendar day "YYYY-MM-DD" that exists (2027-02-30 is refused), or blank for none. */
const catchUpDay = z
  .string()
  .trim()
  .refine((s) => s === "" || isCalendarDay(s), { message: "catchUpDate" })
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .optional();

export const figureInput = z.object({
  value: z.number({ message: "number" }).finite({ message: "number" }),
  unit: z.string().trim().max(20, { message: "tooLong" }),
  label: z.string().trim().min(1, { message: "required" }).max(PROGRESS_LIMITS.label, { message: "tooLong" }),
});

export const evidenceLinkInput = z.object({
  url: z.url({ protocol: /^https?$/u, message: "url" }).max(2000, { message: "tooLong" }),
  title: optionalText(PROGRESS_LIMITS.label),
});

export const progressPeriod = period;

export const progressFields = z
  .object({
    period: progressPeriod,
    status: z.enum(PROGRESS_STATUSES, { message: "status" }),
    percent: percent().nullable(),
    narrative: z
      .string()
      .trim()
      .min(1, { message: "narrativeRequired" })
      .max(PROGRESS_LIMITS.narrative, { message: "tooLong" }),
    figures: z.array(figureInput).max(PROGRESS_LIMITS.figures, { message: "tooMany" }),
    evidenceLinks: z.array(evidenceLinkInput).max(PROGRESS_LIMITS.evidenceLinks, { message: "tooMany" }),
    // When behind plan (落後原因, 因應對策, 預計改善日期): optional here; required on submit when
    // the light is yellow or red (lib/progress/plans.ts assertCatchUpPlan), so a draft saves without them.
    delayCause: optionalText(PROGRESS_LIMITS.catchUp),
    remedy: optionalText(PROGRESS_LIMITS.catchUp),
    catchUpDate: catchUpDay,
    // Required on submit when the % is lower than the last published one (plans.ts assertExplained).
    percentDropReason: optionalText(PROGRESS_LIMITS.catchUp),
  })
  .superRefine((entry, ctx) => {
    if (entry.status === "completed" && entry.percent !== null && entry.percent < 100) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "completedNeeds100" });
    }
  });
export type ProgressFields = z.infer<typeof progressFields>;

/** `submit`: also send it for sign-off in the same transaction ("儲存並送出核可"). */
const submitFlag = { submit: z.boolean().optional() };

export const createProgressInput = z
  .object({ nodeId: z.number().int().positive(), ...submitFlag })
  .and(progressFields);
export type CreateProgressInput = z.infer<typeof createProgressInput>;

export const updateProgressInput = z
  .object({
    entryId: z.number().int().positive(),
    expectedVersion: z.number().int().positive(),
    ...submitFlag,
  })
  .and(progressFields);
export type UpdateProgressInput = z.infer<typeof updateProgressInput>;

export const withdrawProgressInput = z.object({
  entryId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  reason: z.string().trim().min(1, { message: "reasonRequired" }).max(500, { message: "tooLong" }),
});
export type WithdrawProgressInput = z.infer<typeof withdrawProgressInput>;

/** The first and last day of a period: a quarter, or the whole year. */
export function periodRange(period: { year: number; quarter: number | null }): { from: Date; to: Date } {
  const firstMonth = period.quarter ? (period.quarter - 1) * 3 : 0;
  const lastMonth = period.quarter ? firstMonth + 2 : 11;
  return {
    from: new Date(Date.UTC(period.year, firstMonth, 1)),
    to: new Date(Date.UTC(period.year, lastMonth + 1, 0)),
  };
}
