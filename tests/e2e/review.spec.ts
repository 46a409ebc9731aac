import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { readReceived } from "../support/smtp";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";
import { enterSecondFactorCode } from "./second-factor";

const REVIEWER = { email: "reviewer@demo.example.org", password: "demo-reviewer-2026" };
const STAFF = { email: "secretariat@demo.example.org", password: "demo-staff-2026" };
const TRANSPORT = { email: "transport@demo.example.org", password: "demo-staff-2026" };
/** What the SMTP server beside the test server received (scripts/e2e-server.ts writes it here). */
const MAIL_DIR = ".data/e2e-mail";
function mailsAbout(text: string): Array<{ to: string[]; subject: string; text: string }> {
  return readdirSync(MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(MAIL_DIR, file), "utf8")) as { to: string[]; raw: string })
    .map((m) => ({ to: m.to, ...readReceived({ from: "", ...m }) }))
    .filter((m) => m.subject.replace(/\s/gu, "").includes(text.replace(/\s/gu, "")));
}

const SUPERVISOR = { email: "supervisor@demo.example.org", password: "demo-supervisor-2026" };

async function signInAs(page: Page, account: { email: string; password: string }) {
  // The sign-in page sends whoever is signed in on to their area; sign them out first.
  await page.goto("/sign-in");
  const signOut = page.getByRole("button", { name: "登出" });
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.waitForURL(/\/sign-in\?signedOut=1$/u);
  }
  await page.getByLabel("電子郵件").fill(account.email);
  await page.getByLabel("密碼").fill(account.password);
  await page.getByRole("button", { name: "登入", exact: true }).click();
  // Reviewers must use a second factor: the code step follows the password.
  if (account === REVIEWER) await enterSecondFactorCode(page, account.email);
  // Password hashing is slow on purpose; give a loaded machine time.
  await expect(page.getByRole("button", { name: "登出" })).toBeVisible({ timeout: 20_000 });
}

test.describe("the 研考會 decides what is tracked", () => {
  test("a reviewer tracks 2026, sees its quarterly due dates, assigns a lead department and closes an item", async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000); // two people, a set of 28 items, axe on four pages
    const name = `115 年度列管 ${testInfo.project.name} ${Date.now()}`;
    await signInAs(page, REVIEWER);
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

    // The due days change after creation, by the same rule; only periods not yet due are re-dated.
    const edit = page.getByRole("form", { name: "修改填報期限" });
    await expect(edit).toContainText("填報週期與年度在建立後不能更改");
    await edit.getByLabel("承辦人填報期限（期末後天數）").fill("20");
    await edit.getByLabel("主管核可期限（期末後天數）").fill("10");
    await edit.getByRole("button", { name: "儲存期限" }).click();
    await expect(edit.getByText("期限須依序：承辦人 ≤ 主管 ≤ 研考會。")).toBeVisible();
    await edit.getByLabel("承辦人填報期限（期末後天數）").fill("12");
    await edit.getByLabel("主管核可期限（期末後天數）").fill("15");
    await edit.getByRole("button", { name: "儲存期限" }).click();
    await expect(edit.getByRole("status")).toHaveText("已更新填報期限。");
    await expect(cycles).toContainText("民國 116 年 1 月 12 日"); // the fourth quarter, not yet due
    await expectAccessible(page);

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
    await signInAs(page, TRANSPORT);
    const inbox = page.getByRole("list", { name: "待填報" });
    const owed = inbox
      .getByRole("listitem")
      .filter({ hasText: itemTitle.replace(/^\S+\s/u, "").slice(0, 20) });
    await expect(owed.first()).toContainText("尚未填報 · 逾期");
    await expect(owed.first()).toContainText("民國 115 年第 3 季");
    await expectAccessible(page);
  });

  test("the loop: track, report, return, fix, approve, publish, and the public sees it", async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000); // five people sign in and out in turn
    const name = `管考循環 ${testInfo.project.name} ${Date.now()}`;
    const token = `LOOP-${testInfo.project.name}-${Date.now()}`;

    // The 研考會 tracks 2026 and gives a city-wide strategy to 秘書處.
    await signInAs(page, REVIEWER);
    const form = page.getByRole("form", { name: "建立列管案" });
    await form.getByLabel("名稱").fill(name);
    await form.getByRole("button", { name: "建立" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    // One strategy per browser project: a node has one report per period, whichever set tracks it.
    await page
      .getByRole("region", { name: "列管項目" })
      .getByRole("listitem")
      .nth(testInfo.project.name === "phone" ? 3 : 2)
      .getByRole("link", { name: "指定或結案" })
      .click();
    const assign = page.getByRole("form", { name: "指定主辦與協辦機關" });
    await assign.getByLabel("主辦機關").selectOption({ label: "秘書處" });
    await assign.getByRole("button", { name: "儲存" }).click();
    await expect(assign.getByRole("status")).toHaveText("已指定主辦機關。");

    // 秘書處's staff find it in 待填報 and report on the quarter that ended, straight to sign-off.
    await signInAs(page, STAFF);
    await expect(page.getByTestId("waiting-count")).toBeVisible();
    const owed = page.getByRole("list", { name: "待填報" }).getByRole("listitem").filter({ hasText: name });
    await expect(owed).toContainText("尚未填報 · 逾期");
    const itemName = ((await owed.getByRole("link").textContent()) ?? "").trim().slice(0, 12);
    await owed.getByRole("link").click();
    await page.waitForURL(/\/staff\/items\/\d+$/u);
    const itemPath = new URL(page.url()).pathname;
    const report = page.getByRole("form", { name: "新增進度" });
    await report.getByLabel("季別").selectOption({ label: "第 3 季" });
    await report.getByLabel("完成度（%）").fill("30");
    await report.getByLabel("執行情形說明").fill(`初稿 ${token}`);
    await report.getByRole("button", { name: "儲存並送出核可" }).click();
    await expect(report.getByRole("status")).toBeVisible();
    await page.reload();
    const sent = page.getByRole("article").filter({ hasText: token });
    await expect(sent).toContainText("待主管核可");
    await expect(sent).toContainText("已送出，等待核可或覆核期間不能修改或撤回。");
    await expectAccessible(page);

    // Their supervisor returns it with a comment.
    await signInAs(page, SUPERVISOR);
    await page.goto("/staff");
    await expect(page.getByTestId("waiting-count")).not.toContainText(/\b0$/u);
    const approvals = page.getByRole("region", { name: /待我核可/u });
    const pending = approvals.getByRole("listitem").filter({ hasText: token });
    await expect(pending).toContainText(`初稿 ${token}`);
    await expectAccessible(page);
    await saveScreenshot(page, "staff-approvals", testInfo.project.name);
    await pending.getByRole("button", { name: "退回" }).click();
    await expect(pending.getByText("退回時請說明要修正的地方。")).toBeVisible();
    await pending.getByLabel("退回意見（必填，會送回填報人）").fill("請補上完成的場次");
    await pending.getByRole("button", { name: "退回" }).click();
    // Done: it leaves the queue (and the count beside the name goes down).
    await expect(pending).toHaveCount(0);

    // The author sees why, fixes it and sends it again.
    await signInAs(page, STAFF);
    await page.goto(itemPath);
    const returned = page.getByRole("article").filter({ hasText: token });
    await expect(returned).toContainText("已退回");
    await expect(returned).toContainText("退回意見：請補上完成的場次");
    await returned.locator("summary", { hasText: "修改這筆進度" }).click();
    const fix = returned.getByRole("form", { name: /修改這筆進度/u });
    await fix.getByLabel("執行情形說明").fill(`已完成 3 場說明會 ${token}`);
    await fix.getByRole("button", { name: "儲存並送出核可" }).click();
    // Sent again: locked, waiting for the supervisor, the edit form gone.
    await expect(page.getByRole("article").filter({ hasText: token })).toContainText("待主管核可");

    // The supervisor approves; 秘書處's updates need the 研考會's review.
    await signInAs(page, SUPERVISOR);
    await page.goto("/staff");
    const again = page
      .getByRole("region", { name: /待我核可/u })
      .getByRole("listitem")
      .filter({ hasText: token });
    await expect(again).toContainText(`已完成 3 場說明會 ${token}`);
    await again.getByRole("button", { name: "核可" }).click();
    await expect(again).toHaveCount(0);

    // Not public yet.
    const nodePath = itemPath.replace("/staff/items/", "/nodes/");
    await page.goto(nodePath);
    await expect(page.getByText(token)).toHaveCount(0);

    // The 研考會 reviews and publishes it.
    await signInAs(page, REVIEWER);
    await page.goto("/review");
    const review = page
      .getByRole("region", { name: /待覆核公開/u })
      .getByRole("listitem")
      .filter({ hasText: token });
    await expectAccessible(page);
    await review.getByRole("button", { name: "覆核並公開" }).click();
    await expect(review).toHaveCount(0);

    // The public item and home pages show it on their next load.
    await page.goto(nodePath);
    await expect(page.getByText(`已完成 3 場說明會 ${token}`)).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("region", { name: "最近更新的進度" }).getByText(token)).toBeVisible();

    // Each step's e-mail reached the SMTP server: the supervisor twice (two submissions), the author
    // on return and on publication, the 研考會 on approval.
    await expect
      .poll(
        () =>
          mailsAbout(itemName)
            .map((m) => `${m.to.join(",")} ${m.subject.split("：")[0]}`)
            .sort(),
        {
          timeout: 30_000,
        },
      )
      .toEqual([
        "reviewer@demo.example.org [高雄市政追蹤] 待覆核",
        "secretariat@demo.example.org [高雄市政追蹤] 已公開",
        "secretariat@demo.example.org [高雄市政追蹤] 已退回",
        "supervisor@demo.example.org [高雄市政追蹤] 待核可",
        "supervisor@demo.example.org [高雄市政追蹤] 待核可",
      ]);
    expect(mailsAbout(itemName).find((m) => m.subject.includes("已退回"))?.text).toContain(
      "請補上完成的場次",
    );

    // Every step is kept with who did it.
    await signInAs(page, STAFF);
    await page.goto(itemPath);
    const done = page.getByRole("article").filter({ hasText: token });
    await expect(done).toContainText("已公開");
    await done.locator("summary", { hasText: "核可紀錄" }).click();
    const steps = done.getByRole("list").filter({ hasText: "覆核公開" });
    await expect(steps.getByRole("listitem")).toHaveCount(5);
    await expect(steps).toContainText("秘書處示範主管：退回");
    await expect(steps).toContainText("「請補上完成的場次」");
  });

  test("the 研考會 sees each department's 填報情形 and downloads it", async ({ page }, testInfo) => {
    await signInAs(page, REVIEWER);
    await page.getByRole("link", { name: "各機關填報情形：準時、遲交、退回、未填報" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "填報情形" })).toBeVisible();
    // It opens on the newest set; the demo scenario's set has 秘書處 and 交通局 reports due.
    await page.getByLabel("列管案").selectOption({ label: "示範列管：年度施政（研考會）" });
    await page.getByRole("button", { name: "顯示" }).click();
    const table = page.getByRole("table").first();
    await expect(table).toContainText("秘書處");
    await expect(table).toContainText("交通局");
    await expectAccessible(page);
    await saveScreenshot(page, "review-compliance", testInfo.project.name);
    const csv = await page.request.get("/review/compliance/csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("秘書處");
  });

  test("the 研考會 decides which departments' approved updates it reviews", async ({ page }) => {
    // A sign-in with a second factor, an axe run and two saves: over 30 s on a loaded 2-core machine.
    test.slow();
    await signInAs(page, REVIEWER);
    await page.getByRole("link", { name: "各機關是否需要研考會覆核" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "機關覆核設定" })).toBeVisible();
    await expect(page.getByText("仍留在清單中，直到研考會公開或退回")).toBeVisible();
    await expectAccessible(page);
    // 農業局 takes no part in the other browser tests' sign-off flows: turned off and back on.
    const row = page.getByRole("row").filter({ hasText: "農業局" });
    const setting = row.getByRole("cell").first();
    await expect(setting).toHaveText("需研考會覆核");
    await row.getByRole("button", { name: "農業局：改為核可後直接公開" }).click();
    await expect(row.getByRole("status")).toHaveText("農業局的更新，之後在主管核可後即直接公開。");
    await expect(setting).toHaveText("核可後直接公開");
    await row.getByRole("button", { name: "農業局：改為需研考會覆核" }).click();
    await expect(row.getByRole("status")).toHaveText("農業局的更新，之後在主管核可後須經研考會覆核才公開。");
    await expect(setting).toHaveText("需研考會覆核");
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
