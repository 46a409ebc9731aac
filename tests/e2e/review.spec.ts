import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const REVIEWER = { email: "reviewer@demo.example.org", password: "demo-reviewer-2026" };
const STAFF = { email: "secretariat@demo.example.org", password: "demo-staff-2026" };
const TRANSPORT = { email: "transport@demo.example.org", password: "demo-staff-2026" };

test.describe("the 研考會 decides what is tracked", () => {
  test("a reviewer tracks 2026, sees its quarterly due dates, assigns a lead department and closes an item", async ({
    page,
  }, testInfo) => {
    const name = `115 年度列管 ${testInfo.project.name} ${Date.now()}`;
    await page.goto("/sign-in");
    await page.getByLabel("電子郵件").fill(REVIEWER.email);
    await page.getByLabel("密碼").fill(REVIEWER.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    // A reviewer's work starts at the tracking area.
    await expect(page.getByRole("heading", { level: 1, name: "研考管考" })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "建立列管案" });
    await form.getByLabel("名稱").fill(name);
    await form.getByLabel("承辦人填報期限（期末後天數）").fill("20");
    await form.getByLabel("主管核可期限（期末後天數）").fill("10");
    await form.getByRole("button", { name: "建立" }).click();
    await expect(form.getByText("期限須依序：承辦人 ≤ 主管 ≤ 研考會。")).toBeVisible();
    await expect(form.getByLabel("名稱")).toHaveValue(name);

    await form.getByLabel("承辦人填報期限（期末後天數）").fill("10");
    await form.getByLabel("主管核可期限（期末後天數）").fill("15");
    await form.getByRole("button", { name: "建立" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const cycles = page.getByRole("table");
    await expect(cycles.getByRole("row")).toHaveCount(5); // a header and four quarters
    await expect(cycles).toContainText("民國 115 年第 4 季");
    await expect(cycles).toContainText("民國 116 年 1 月 10 日");
    await expectAccessible(page);
    await saveScreenshot(page, "review-set", testInfo.project.name);

    // The mid-term strategies name no department: each waits for one.
    const items = page.getByRole("region", { name: "列管項目" }).getByRole("listitem");
    await expect(items).toHaveCount(28);
    await expect(items.first()).toContainText("待指定");
    await items.first().getByRole("link", { name: "指定或結案" }).click();
    await expectAccessible(page);
    const assign = page.getByRole("form", { name: "指定主辦與協辦機關" });
    await assign.getByLabel("主辦機關").selectOption({ label: "交通局" });
    await assign.getByRole("checkbox", { name: "捷運工程局" }).check();
    await assign.getByRole("button", { name: "儲存" }).click();
    await expect(assign.getByRole("status")).toHaveText("已指定主辦機關。");

    const itemTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";

    // Another strategy is dropped from tracking, with the reason.
    await page.getByRole("link", { name }).click();
    await page
      .getByRole("region", { name: "列管項目" })
      .getByRole("listitem")
      .nth(1)
      .getByRole("link", { name: "指定或結案" })
      .click();
    const close = page.getByRole("form", { name: "解除列管（結案）" });
    await close.getByRole("button", { name: "解除列管" }).click();
    await expect(close.getByText("請說明解除列管的原因。")).toBeVisible();
    await close.getByLabel("原因").fill("併入捷運路網整體列管");
    await close.getByRole("button", { name: "解除列管" }).click();
    await expect(page.getByText("已解除列管：併入捷運路網整體列管")).toBeVisible();

    await page.goto("/review");
    await expect(page.getByRole("link", { name })).toBeVisible();
    await expect(page.getByText("26 項待指定主辦機關").first()).toBeVisible();

    // The lead department's staff now owe a report on it: 2026's third quarter is past due.
    await page.getByRole("button", { name: "登出" }).click();
    await page.goto("/sign-in");
    await page.getByLabel("電子郵件").fill(TRANSPORT.email);
    await page.getByLabel("密碼").fill(TRANSPORT.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    const inbox = page.getByRole("list", { name: "待填報" });
    const owed = inbox
      .getByRole("listitem")
      .filter({ hasText: itemTitle.replace(/^\S+\s/u, "").slice(0, 20) });
    await expect(owed.first()).toContainText("尚未填報 · 逾期");
    await expect(owed.first()).toContainText("民國 115 年第 3 季");
    await expectAccessible(page);
  });

  test("department staff get a 403 in the tracking area", async ({ page, consoleErrors }) => {
    await page.goto("/sign-in?next=%2Freview");
    await page.getByLabel("電子郵件").fill(STAFF.email);
    await page.getByLabel("密碼").fill(STAFF.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("沒有權限");
    consoleErrors.length = 0; // the browser logs the expected 403 status
  });
});
