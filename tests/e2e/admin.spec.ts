import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";
import { enterSecondFactorCode } from "./second-factor";

const ADMIN = { email: "admin@demo.example.org", password: "demo-admin-2026" };

test.describe("administration", () => {
  test("an administrator adds a user (a bad field first), and finds it in the audit log", async ({
    page,
  }, testInfo) => {
    const email = `clerk-${testInfo.project.name}-${Date.now()}@example.org`;
    await page.goto("/sign-in?next=%2Fadmin");
    await page.getByLabel("電子郵件").fill(ADMIN.email);
    await page.getByLabel("密碼").fill(ADMIN.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    // Administrators must use a second factor: the code step follows the password.
    await enterSecondFactorCode(page, ADMIN.email);
    await expect(page.getByRole("heading", { level: 1, name: "系統管理" })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "新增使用者" });
    await form.getByLabel("電子郵件").fill(email);
    await form.getByLabel("姓名").fill("測試承辦人");
    await form.getByLabel("密碼（至少 12 個字元）").fill("short");
    await form.getByRole("checkbox", { name: "秘書處" }).check();
    await form.getByRole("button", { name: "新增" }).click();
    await expect(form.getByText("密碼至少 12 個字元。")).toBeVisible();
    await expect(form.getByLabel("電子郵件")).toHaveValue(email);
    await expect(form.getByRole("checkbox", { name: "秘書處" })).toBeChecked();

    await form.getByLabel("密碼（至少 12 個字元）").fill("a long enough passphrase");
    await form.getByRole("button", { name: "新增" }).click();
    await expect(form.getByRole("status")).toHaveText("已新增使用者。");
    await saveScreenshot(page, "admin", testInfo.project.name);

    await page.goto("/admin/audit?action=user.create");
    const log = page.getByRole("list", { name: "稽核紀錄" });
    await expect(log).toContainText(email);
    // Actions, roles and departments as words; no codes, no JSON, no password.
    await expect(log.getByRole("listitem").first()).toContainText("新增使用者");
    await expect(log.getByRole("listitem").first()).toContainText("機關承辦人");
    await expect(log).not.toContainText("user.create");
    await expect(log).not.toContainText("{");
    await expect(log).not.toContainText("a long enough passphrase");
    await expectAccessible(page);
  });

  test("an administrator reads the outbox; anyone signed in turns reminders off on their account page", async ({
    page,
  }) => {
    await page.goto("/sign-in?next=%2Fadmin%2Foutbox");
    await page.getByLabel("電子郵件").fill(ADMIN.email);
    await page.getByLabel("密碼").fill(ADMIN.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    // Administrators must use a second factor: the code step follows the password.
    await enterSecondFactorCode(page, ADMIN.email);
    await expect(page.getByRole("heading", { level: 1, name: "寄件匣" })).toBeVisible();
    // The browser tests' server sends through SMTP: the page says so instead of listing files.
    await expect(page.getByText("已設定 SMTP 伺服器")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "我的帳號" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "我的帳號" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "提醒信" });
    await form.getByRole("checkbox", { name: "不要寄送到期提醒信給我" }).check();
    await form.getByRole("button", { name: "儲存" }).click();
    await expect(form.getByRole("status")).toHaveText("已儲存提醒信設定。");
    await form.getByRole("checkbox", { name: "不要寄送到期提醒信給我" }).uncheck();
    await form.getByRole("button", { name: "儲存" }).click();
    await expect(page.getByText("目前：會寄送提醒信。")).toBeVisible();
  });

  test("staff cannot open the administration pages", async ({ page, consoleErrors }) => {
    await page.goto("/sign-in");
    await page.getByLabel("電子郵件").fill("secretariat@demo.example.org");
    await page.getByLabel("密碼").fill("demo-staff-2026");
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page).toHaveURL(/\/staff$/u);
    for (const path of ["/admin", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    // The browser logs each expected 403, and nothing else.
    expect(consoleErrors).toEqual([
      expect.stringContaining("/admin)"),
      expect.stringContaining("/admin/audit)"),
    ]);
    consoleErrors.length = 0;
  });
});
