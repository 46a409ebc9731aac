import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "./demo-totp-secret";

const PERIOD_MS = 30_000;
/** The last time step whose code each account used: the portal accepts a code once, and no older one after it. */
const lastStep = new Map<string, number>();
const stepNow = () => Math.floor(Date.now() / PERIOD_MS);

/**
 * The sign-in's code step for the demo administrator and reviewer: after their password the portal
 * asks for the authenticator's code; this computes it from the demo secret, as the app would.
 *
 * A code is good once, so signing the same account in twice within 30 s needs a newer code: the
 * next step's is accepted too (one step of clock drift either way), so two sign-ins per step go
 * through at once and a third waits for the next step. Should a code still be refused as used (a
 * restarted worker forgets what it used), it waits for a fresh step and tries once more; a refused
 * code counts as one failed sign-in, far below the lock at five, and the sign-in that follows clears it.
 */
export async function enterSecondFactorCode(page: Page, email: string): Promise<void> {
  // Password hashing is slow on purpose; give a loaded machine time.
  await page.waitForURL(/\/sign-in\/code(\?|$)/u, { timeout: 20_000 });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let step = Math.max(stepNow(), (lastStep.get(email) ?? -1) + 1);
    while (step > stepNow() + 1) {
      await page.waitForTimeout(1_000);
      step = Math.max(stepNow(), (lastStep.get(email) ?? -1) + 1);
    }
    lastStep.set(email, step);
    const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: (step * PERIOD_MS) / 1000 });
    await page.getByLabel("驗證碼或備用碼").fill(code);
    await page.getByRole("button", { name: "驗證並登入" }).click();
    const refused = page.getByText("驗證碼不正確或已使用過");
    await expect(page.getByRole("button", { name: "登出" }).or(refused)).toBeVisible({ timeout: 20_000 });
    if (!(await refused.isVisible())) return;
    lastStep.set(email, stepNow() + 1); // forget the guess: take the step after next
  }
  throw new Error(`The second factor of ${email} was refused twice.`);
}
