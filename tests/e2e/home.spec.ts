import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

test.describe("home page", () => {
  test("lists the seeded documents with their kind, year and department", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/高雄市政追蹤/u);
    await expect(page.getByRole("heading", { level: 2, name: "已收錄的市政文件" })).toBeVisible();

    const documents = page.getByRole("list", { name: "已收錄的市政文件" }).getByRole("listitem");
    await expect(documents).toHaveCount(5);
    const expected = [
      ["中程施政計畫", "民國 112–115 年（2023–2026）", "市府整體"],
      ["施政綱要", "民國 102 年（2013）", "市府整體"],
      ["施政計畫提要", "民國 107 年（2018）", "秘書處"],
      ["議會業務報告", "民國 106 年（2017）", "秘書處"],
      ["議會業務報告", "民國 101 年（2012）", "研究發展考核委員會"],
    ];
    for (const [kind, years, department] of expected) {
      const card = documents.filter({ hasText: years as string });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(kind as string);
      await expect(card).toContainText(department as string);
    }

    await saveScreenshot(page, "home", testInfo.project.name);
  });

  test("has no accessibility violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("fits a phone screen without sideways scrolling of the page", async ({ page }) => {
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("home dashboard", () => {
  test("shows the mid-term plan's goal, its four visions with progress, and the headline figures", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "市府的承諾與進度" })).toBeVisible();
    await expect(page.getByRole("link", { name: "公平城市、社會共好" })).toBeVisible();
    for (const vision of ["科技高雄", "宜居高雄", "幸福高雄", "魅力高雄"]) {
      const card = page.getByRole("region", { name: vision });
      await expect(card).toBeVisible();
      // Progress is never a bare number: each bar says what it rests on.
      await expect(
        card.getByText(/已確認 \d+ 項施政項目|尚無已確認的年度施政項目|完成度 \d+%/u).first(),
      ).toBeVisible();
    }
    const transit = page.getByRole("listitem").filter({ hasText: "健全大眾運輸捷運路網" });
    // The 2013 items no longer count for it: only confirmed links between plans of the same years do.
    await expect(transit.getByText("尚無已確認的年度施政項目")).toBeVisible();

    const budget = page.getByRole("definition").filter({ has: page.getByRole("link", { name: "330,433" }) });
    await expect(budget).toBeVisible();
    await expect(page.getByText("2018 年度預算（千元）")).toBeVisible();
    await expect(page.getByRole("region", { name: "最新議會報告" }).getByRole("listitem")).toHaveCount(2);
    // Empty on a fresh database, filled once the staff tests have saved progress: either way, there.
    await expect(page.getByRole("region", { name: "最近更新的進度" })).toBeVisible();
  });
});

test.describe("not found", () => {
  test("answers 404 with a way back home", async ({ page, consoleErrors }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    // The browser logs the page's own 404 status as an error: that one is the point of this test.
    expect(consoleErrors).toEqual([expect.stringContaining("/no-such-page")]);
    consoleErrors.length = 0;
    await expect(page.getByRole("heading", { name: "找不到這個頁面" })).toBeVisible();
    await page.getByRole("link", { name: "回到首頁" }).click();
    await expect(page).toHaveURL(/\/$/u);
    await expectAccessible(page);
  });
});

test.describe("health endpoint", () => {
  test("reports the database up and the five documents", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { status: "up" },
      counts: { documents: 5 },
    });
  });
});
