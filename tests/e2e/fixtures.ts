import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

/** Every page test fails on a console error, as a user would have hit a broken page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Zero axe violations (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams metadata and swaps <title> on client navigation: check the settled page.
  await expect(page).toHaveTitle(/\S/u);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(summary).toEqual([]);
}

/** For review, not comparison: tests/e2e/screenshots/<name>-<project>.png. */
/**
 * A screenshot for review. Full page by default; `fullPage: false` for very long pages (a whole
 * document's source), where a full capture takes many seconds and shows nothing more.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  project: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync("tests/e2e/screenshots", { recursive: true });
  await page.screenshot({ path: `tests/e2e/screenshots/${name}-${project}.png`, fullPage });
}

/** The 秘書處 staff demo account. */
export const SECRETARIAT = { email: "secretariat@demo.example.org", password: "demo-staff-2026" };

/** Signs in through the form (accounts without a second factor). */
export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("電子郵件").fill(account.email);
  await page.getByLabel("密碼").fill(account.password);
  await page.getByRole("button", { name: "登入", exact: true }).click();
}
