import { readFileSync } from "node:fs";
import { expect, expectAccessible, saveScreenshot, SECRETARIAT, signIn, test } from "./fixtures";

const TRANSPORT = { email: "transport@demo.example.org", password: "demo-staff-2026" };

const escapeHtml = (text: string) =>
  text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

test.describe("staff keep progress up to date", () => {
  test("add a draft the public cannot see, edit it, read the history", async ({ page }, testInfo) => {
    page.on("dialog", () => {
      throw new Error("a script in a narrative ran");
    });
    const token = `E2E-${testInfo.project.name}-${Date.now()}`;
    const narrative = `<script>alert(1)</script> 完成採購 ${token}`;

    await signIn(page, SECRETARIAT);
    await expect(page.getByRole("heading", { level: 1, name: "工作區" })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, "staff-dashboard", testInfo.project.name);

    await page.getByRole("list", { name: "工作區" }).getByRole("link").first().click();
    const form = page.getByRole("form", { name: "新增進度" });
    await expect(form).toBeVisible();
    await expectAccessible(page);

    // Bad input: the field says what is wrong, and nothing typed is lost.
    await form.getByLabel("完成度（%）").fill("150");
    await form.getByLabel("執行情形說明").fill(narrative);
    await form.getByRole("button", { name: "儲存" }).click();
    await expect(form.getByText("完成度須是 0 到 100 的整數。")).toBeVisible();
    await expect(form.getByLabel("執行情形說明")).toHaveValue(narrative);
    await expect(form.getByLabel("完成度（%）")).toHaveValue("150");

    await form.getByLabel("狀態").selectOption("delayed");
    await form.getByLabel("完成度（%）").fill("40");
    await form.getByRole("button", { name: "儲存" }).click();
    await expect(form.getByRole("status")).toHaveText("已儲存。經主管核可（及研考會覆核）後才會公開。");
    await saveScreenshot(page, "staff-edit", testInfo.project.name);
    const editPath = new URL(page.url()).pathname;
    const nodePath = editPath.replace("/staff/items/", "/nodes/");
    const draft = page.getByRole("article").filter({ hasText: token });
    await expect(draft).toContainText("草稿");
    // An item nobody tracks has no sign-off: the page says its progress stays a draft.
    await expect(page.getByText("此項目未列管")).toBeVisible();

    // The public item page and home page never show a draft (the sign-off loop is in review.spec).
    await page.goto(nodePath);
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByText(token)).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("region", { name: "最近更新的進度" }).getByText(token)).toHaveCount(0);

    // Edit: a new version, with the change in the history.
    await page.goto(editPath);
    const entry = page.getByRole("article").filter({ hasText: token });
    await entry.locator("summary", { hasText: "修改這筆進度（目前第 1 版）" }).click();
    const editForm = entry.getByRole("form", { name: "修改這筆進度（目前第 1 版）" });
    await editForm.getByLabel("完成度（%）").fill("60");
    await editForm.getByRole("button", { name: "儲存" }).click();
    // The page now holds version 2 (the form's name says so); its message stays.
    await expect(entry.getByRole("status")).toHaveText("已儲存。經主管核可（及研考會覆核）後才會公開。");
    await expect(entry.getByRole("form", { name: "修改這筆進度（目前第 2 版）" })).toBeAttached();
    await page.reload();
    const saved = page.getByRole("article").filter({ hasText: token });
    await expect(saved.getByText("第 2 版").first()).toBeVisible();
    await saved.locator("summary", { hasText: "修改紀錄" }).click();
    const v2 = saved.getByRole("listitem").filter({ hasText: "第 2 版" });
    await expect(v2.getByRole("deletion")).toHaveText("40%");
    await expect(v2.getByRole("insertion")).toHaveText("60%");
    // Status names and Taipei time with the ROC year, never enum codes or UTC.
    const v1 = saved.getByRole("listitem").filter({ hasText: "第 1 版" });
    await expect(v1).toContainText("落後");
    await expect(v1).toContainText(/民國 \d+ 年 \d+ 月 \d+ 日 \d\d:\d\d/u);
    await expect(v1).not.toContainText("delayed");
    await expect(v1).not.toContainText("UTC");
  });

  test("another department's staff get a 403 on the edit page", async ({ page, consoleErrors }) => {
    await page.goto("/departments/secretariat");
    const href = await page.locator("main a[href^='/nodes/']").first().getAttribute("href");
    const editPath = `/staff/items/${href?.split("/").pop()}`;

    await signIn(page, TRANSPORT);
    await expect(page.getByRole("heading", { level: 1, name: "工作區" })).toBeVisible();
    const response = await page.goto(editPath);
    expect(response?.status()).toBe(403);
    // The browser logs the page's own 403 status as an error: that one is the point of this test.
    expect(consoleErrors).toEqual([expect.stringContaining(editPath)]);
    consoleErrors.length = 0;
    await expect(page.getByRole("heading", { name: "沒有權限" })).toBeVisible();
    await expectAccessible(page);
  });

  test("visitors without an account are asked to sign in, and come back afterwards", async ({ page }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/u);
    await expectAccessible(page);
    await page.getByLabel("電子郵件").fill(SECRETARIAT.email);
    await page.getByLabel("密碼").fill("not the password");
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("電子郵件或密碼不正確。");
    await expect(page.getByLabel("電子郵件")).toHaveValue(SECRETARIAT.email);
    await page.getByLabel("密碼").fill(SECRETARIAT.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page).toHaveURL(/\/staff$/u);

    await page.getByRole("button", { name: "登出" }).click();
    await expect(page.getByRole("status")).toHaveText("您已登出。");
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in/u);
  });
});

test.describe("bulk update by spreadsheet", () => {
  test("download the department's items, edit two rows, preview, confirm", async ({ page }, testInfo) => {
    const token = `BULK-${testInfo.project.name}-${Date.now()}`;
    await signIn(page, SECRETARIAT);
    await page.getByRole("link", { name: "以試算表批次更新" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "以試算表批次更新" })).toBeVisible();
    await expectAccessible(page);

    // The download the form makes, with the signed-in session's cookie.
    const download = await page.request.get("/staff/bulk/template?department=secretariat&year=2018&quarter=");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("progress-secretariat-2018.csv");
    const lines = (await download.text()).replace(/^\uFEFF/u, "").split("\r\n");
    expect(lines[0]).toBe(
      "node_id,department,document,number,item,latest_status,latest_percent,period_year,period_quarter,entry_id,entry_version,status,percent,narrative,delay_cause,remedy,catch_up_date,percent_drop_reason",
    );
    // Fill status, percent and narrative (before the four explanation columns) of two rows that have no entry yet.
    const blank = lines.filter((l) => /,,,,,,,,$/u.test(l)).slice(0, 2);
    expect(blank).toHaveLength(2);
    const edited = lines.map((l) =>
      l === blank[0]
        ? l.replace(/,,,,,,,$/u, `,on_track,20,${token} 甲,,,,`)
        : l === blank[1]
          ? l.replace(/,,,,,,,$/u, `,進行中,150,${token} 乙,,,,`)
          : l,
    );
    await page.getByLabel("CSV 檔案（UTF-8，最大 1 MB）").setInputFiles({
      name: "progress.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(edited.join("\r\n"), "utf8"),
    });
    await page.getByRole("button", { name: "預覽變更" }).click();
    const preview = page.getByRole("region", { name: "預覽" });
    await expect(preview.getByText(/^將寫入 1 筆；無法接受 1 筆；/u)).toBeVisible();
    await expect(preview.getByText("完成度須是 0 到 100 的整數。")).toBeVisible();
    await expect(preview.getByRole("insertion").filter({ hasText: /^進行中$/u })).toBeVisible();
    await expect(preview).not.toContainText("on_track");
    await saveScreenshot(page, "staff-bulk-preview", testInfo.project.name);

    await page.getByRole("button", { name: "確認寫入 1 筆" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已寫入" })).toHaveText(
      "已寫入：新增 1 筆、修改 0 筆。列管項目已送出核可，其餘存為草稿。",
    );
    // 2018's items are not tracked: the row is a draft, not public.
    await page.goto("/");
    await expect(page.getByRole("region", { name: "最近更新的進度" }).getByText(`${token} 甲`)).toHaveCount(
      0,
    );
  });
});

test.describe("document upload", () => {
  test("staff see the dry-run preview of their department's document; other files are refused with a reason", async ({
    page,
  }, testInfo) => {
    await signIn(page, SECRETARIAT);
    await page.getByRole("link", { name: "上傳施政文件" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "上傳文件" })).toBeVisible();
    await expectAccessible(page);
    const file = page.getByLabel("文件檔案（.txt 或 .pdf，最大 10 MB）");

    await file.setInputFiles("seeds/002_edb18fdb8a68a56c.txt");
    await page.getByRole("button", { name: "解析並預覽" }).click();
    const preview = page.getByRole("region", { name: "解析結果" });
    await expect(preview).toContainText("高雄市政府秘書處 107 年度施政計畫提要");
    await expect(preview).toContainText("施政計畫提要");
    await expect(preview.getByRole("status")).toHaveText("這個檔案已經匯入過，確認後不會有任何變更。");
    await saveScreenshot(page, "staff-upload-preview", testInfo.project.name);
    await page.getByRole("button", { name: "確認匯入" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(
      "已匯入：高雄市政府秘書處 107 年度施政計畫提要（第 1 版）",
    );

    // The city-wide outline is for administrators; prose is not a plan.
    await file.setInputFiles("seeds/000_7edc6d043e517ca0.txt");
    await page.getByRole("button", { name: "解析並預覽" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "這份文件不屬於您的機關；全市性文件由系統管理員匯入。",
    );
    await file.setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("今天天氣很好。\n", "utf8"),
    });
    await page.getByRole("button", { name: "解析並預覽" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("無法匯入這個檔案：notes.txt:");
    // The parser's reason in the reader's language, not in English.
    await expect(page.getByRole("main").getByRole("alert")).toContainText("不是市府的施政文件：前 8 行");

    // A PDF: its text layer is read the same way. Chromium prints the 2017 report to PDF here.
    const report = readFileSync("seeds/004_b174b36ac3a2c4d9.txt", "utf8");
    const printer = await page.context().newPage();
    await printer.setContent(`<pre style="font-size:9px;white-space:pre-wrap">${escapeHtml(report)}</pre>`);
    const pdf = await printer.pdf({ format: "A4" });
    await printer.close();
    await file.setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "解析並預覽" }).click();
    const pdfPreview = page.getByRole("region", { name: "解析結果" });
    // Reading a PDF's text is CPU work: allow a busy machine longer than the default.
    await expect(pdfPreview).toContainText("業務報告", { timeout: 20_000 });
    await expect(pdfPreview).toContainText("秘書處");
  });
});
