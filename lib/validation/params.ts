import { z } from "zod";

/** A record id in a URL: a positive integer, or nothing (the page answers 404). */
export const recordId = z.coerce.number().int().positive().max(2_147_483_647);

export function parseRecordId(value: string): number | null {
  const parsed = recordId.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A line number range in a source link; out-of-range values are ignored, not an error. */
export const lineRange = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
});
