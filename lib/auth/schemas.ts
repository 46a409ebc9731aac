import { z } from "zod";

/** Field atoms shared by the sign-in and admin forms; messages are keys into lib/i18n/messages. */
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "email" }).max(200, { message: "email" }));

/** Length only: long passphrases beat composition rules (NIST SP 800-63B). */
export const newPassword = z
  .string()
  .min(12, { message: "passwordTooShort" })
  .max(200, { message: "passwordTooLong" });

export const signInInput = z.object({
  email,
  password: z.string().min(1, { message: "required" }).max(200, { message: "passwordTooLong" }),
});
export type SignInInput = z.infer<typeof signInInput>;
