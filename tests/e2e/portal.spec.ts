import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

test.describe("browsing from home to the source of a promise", () => {
  test("home → departments → 秘書處 → an agenda item → its source lines", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "機關" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "市府機關" })).toBeVisible();
    await saveScreenshot(page, "departments", testInfo.project.name);

    await page.getByRole("link", { name: "秘書處", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "秘書處" })).toBeVisible();
    await expect(page.getByText("又稱：秘書事務")).toBeVisible();
    await saveScreenshot(page, "department", testInfo.project.name);

    // The 2013 outline's first Secretariat agenda item (the items list starts with the 2018 plan).
    const outline = page.getByRole("region", { name: /2013.*施政綱要/u });
    const item = outline.locator("a[href^='/nodes/']").first();
    const itemText = (await item.textContent()) ?? "";
    await item.click();
    await expect(page.getByRole("main").getByText("施政項目", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      itemText.replace(/^\(一\)\s*/u, "").slice(0, 10),
    );
    await expect(page.getByRole("link", { name: "秘書處" }).first()).toBeVisible();
    await expect(
      page.getByRole("region", { name: "議會報告中的相關數據" }).getByRole("listitem").first(),
    ).toBeVisible();
    await saveScreenshot(page, "item", testInfo.project.name);

    await page.getByRole("link", { name: /^原文第 \d+(–\d+)? 行$/u }).click();
    await expect(page).toHaveURL(/\/documents\/\d+\/source\?from=\d+&to=\d+#L\d+$/u);
    const cited = page.locator("li[aria-current=location]");
    await expect(cited).toBeVisible();
    await expect(cited).toHaveClass(/bg-amber-100/u);
    await saveScreenshot(page, "source", testInfo.project.name, { fullPage: false });
  });
});

test.describe("plans and reports", () => {
  test("the mid-term plan shows goal → visions → strategies, collapsible, each with its own page", async ({
    page,
  }, testInfo) => {
    await page.goto("/plans");
    await page.getByRole("link", { name: "高雄市政府112至115年度中程施政計畫" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("高雄市政府112至115年度中程施政計畫");
    const vision = page.locator("xpath=//details[summary[contains(., '科技高雄')]]");
    await expect(vision.getByText("科技產業帶動優質就業")).toBeVisible();
    await saveScreenshot(page, "plan", testInfo.project.name);
    await vision.locator("xpath=./summary").click();
    await expect(vision.getByText("科技產業帶動優質就業")).toBeHidden();
    await vision.locator("xpath=./summary").click();

    await vision.getByRole("link", { name: /^施政願景：/u }).click();
    await expect(page.getByText("施政願景", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("科技高雄");
    await expect(page.getByRole("heading", { name: "下層項目" })).toBeVisible();
  });

  test("a council report lists its figures with units and sections", async ({ page }, testInfo) => {
    await page.goto("/reports");
    await page.getByRole("link", { name: /研究發展考核委員會業務報告/u }).click();
    await expect(page.getByText("許立明")).toBeVisible();
    await expect(page.getByText(/第 ?1 ?屆第 ?4 ?次定期大會/u)).toBeVisible();
    const figures = page.getByRole("region", { name: "報告中的數據" });
    await expect(figures.getByRole("row")).not.toHaveCount(0);
    await expect(figures.getByRole("cell", { name: "405,286" })).toBeVisible();
    await saveScreenshot(page, "report", testInfo.project.name);
  });
});

test.describe("budgets", () => {
  test("the explorer charts the Secretariat's 2018 budget with a total that adds up", async ({
    page,
  }, testInfo) => {
    await page.goto("/budgets");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("秘書處 2018 年度預算組成");
    const chart = page.getByRole("figure", { name: /秘書處 2018 年度預算組成/u });
    await expect(chart).toHaveAttribute("data-total", "330433");
    await expect(chart.getByRole("listitem")).toHaveCount(6);
    const parts = await chart
      .locator("li[data-amount]")
      .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-amount"))));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(330_433);
    await expect(page.getByTestId("budget-total")).toContainText("330,433");
    await expect(page.getByTestId("budget-total").locator("[title]")).toHaveAttribute(
      "title",
      "NT$ 330,433,000",
    );
    await saveScreenshot(page, "budgets", testInfo.project.name);
  });

  test("choosing a department and year is a plain form: the URL carries the choice", async ({ page }) => {
    await page.goto("/budgets");
    await page.getByRole("combobox", { name: "年度" }).selectOption("2018");
    await page.getByRole("button", { name: "顯示" }).click();
    await expect(page).toHaveURL(/\/budgets\?department=secretariat&year=2018$/u);
    await page.goto("/budgets?department=police&year=1999");
    await expect(page.getByText("沒有符合條件的預算資料。")).toBeVisible();
  });
});

test.describe("language", () => {
  test("the English switch changes the interface, keeps the page, and switches back", async ({ page }) => {
    await page.goto("/departments/secretariat");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/departments\/secretariat$/u);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Secretariat" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Budgets" }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant-TW");
    await expect(page.getByRole("heading", { level: 1, name: "秘書處" })).toBeVisible();
  });
});

test.describe("accessibility of every page type", () => {
  const pages = ["/", "/plans", "/reports", "/departments", "/departments/secretariat", "/budgets"];
  for (const path of pages) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  test("document, node and source pages have no axe violations", async ({ page }) => {
    // Four long pages, each checked by axe: more than the default 30 s on a busy two-core machine.
    test.slow();
    // Each check waits for the page it navigated to: a client-side navigation swaps the title late.
    await page.goto("/plans");
    await page.getByRole("link", { name: /秘書處 107 年度施政計畫提要/u }).click();
    await expect(page).toHaveURL(/\/documents\/\d+$/u);
    await expect(page).toHaveTitle(/秘書處 107 年度施政計畫提要/u);
    await expectAccessible(page);
    await page
      .getByRole("link", { name: /^原文第/u })
      .first()
      .click();
    await expect(page).toHaveURL(/\/source\?/u);
    await expect(page).toHaveTitle(/原文/u);
    await expectAccessible(page);
    await page.goto("/reports");
    await page.getByRole("link", { name: /秘書處業務報告/u }).click();
    await expect(page).toHaveURL(/\/documents\/\d+$/u);
    await expect(page).toHaveTitle(/秘書處業務報告/u);
    await expectAccessible(page);
    await page.locator("main ul a[href^='/nodes/']").first().click();
    await expect(page).toHaveURL(/\/nodes\/\d+$/u);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  test("unknown records answer 404 with a way on", async ({ page, consoleErrors }) => {
    for (const path of ["/documents/999999", "/documents/abc", "/nodes/0", "/departments/no-such-office"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "找不到這個頁面" })).toBeVisible();
    }
    consoleErrors.length = 0; // the browser logs each expected 404 status
  });
});

test.describe("links between plans", () => {
  test("a 2023–2026 strategy lists no 2013 agenda item: plans of different years are never linked", async ({
    page,
  }, testInfo) => {
    await page.goto("/plans");
    await page.getByRole("link", { name: "高雄市政府112至115年度中程施政計畫" }).click();
    await page.getByRole("link", { name: "健全大眾運輸捷運路網" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: /健全大眾運輸捷運路網/u })).toBeVisible();
    // No "served by" list at all: the seeds' only annual items are of 2013 and 2018.
    await expect(page.getByRole("region", { name: "對應的年度施政項目" })).toHaveCount(0);
    await saveScreenshot(page, "strategy", testInfo.project.name);
    await expectAccessible(page);
  });
});

test.describe("the items listing", () => {
  test("filters change the URL and the results; pages follow", async ({ page }, testInfo) => {
    await page.goto("/items");
    await expect(page.getByRole("status")).toContainText(/共 \d+ 項/u);
    const all = Number((await page.getByRole("status").textContent())?.match(/共 (\d+) 項/u)?.[1]);
    expect(all).toBeGreaterThan(500);

    await page.getByRole("combobox", { name: "年度" }).selectOption("2013");
    await page.getByRole("combobox", { name: "機關" }).selectOption("secretariat");
    await page.getByRole("button", { name: "套用" }).click();
    await expect(page).toHaveURL(/\/items\?year=2013&department=secretariat(&|$)/u);
    const filtered = Number((await page.getByRole("status").textContent())?.match(/共 (\d+) 項/u)?.[1]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const rows = page.getByRole("list", { name: "施政項目總覽" }).getByRole("listitem");
    await expect(rows).toHaveCount(filtered);
    for (const text of await rows.allTextContents()) expect(text).toContain("秘書處");
    await saveScreenshot(page, "items", testInfo.project.name);

    await page.goto("/items?year=2013");
    await page
      .getByRole("navigation", { name: "分頁" })
      .getByRole("link", { name: /下一頁/u })
      .click();
    await expect(page).toHaveURL(/\/items\?year=2013&page=2$/u);
    await expect(page.getByRole("status")).toContainText("第 2 /");
    await expectAccessible(page);
  });

  test("the CSV download holds exactly the rows shown, in a spreadsheet-safe form", async ({ page }) => {
    await page.goto("/items?year=2013&department=secretariat");
    const shown = await page
      .getByRole("list", { name: "施政項目總覽" })
      .getByRole("listitem")
      .getByRole("link")
      .allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV（本頁）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("kaohsiung-items-2013-secretariat.csv");
    const csv = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(
      csv.startsWith(
        "\uFEFFid,kind,number,title,department,departmentSlug,year,status,percent,updatedAt,document,url\r\n",
      ),
    ).toBe(true);
    const lines = csv.trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(shown.length);
    expect(lines.every((l) => l.includes(",秘書處,secretariat,2013,no_update,"))).toBe(true);

    const json = await page.request.get("/items/export?year=2013&department=secretariat&format=json");
    const body = (await json.json()) as { total: number; items: Array<{ title: string; url: string }> };
    expect(body.items).toHaveLength(shown.length);
    expect(body.items[0]?.url).toMatch(/\/nodes\/\d+$/u);
    expect((await page.request.get("/items/export?format=xlsx")).status()).toBe(400);
  });

  test("a status filter with nothing to show says so", async ({ page }) => {
    // No seed item is cancelled, and no other test cancels one.
    await page.goto("/items?status=cancelled");
    await expect(page.getByText("沒有符合條件的項目。試試放寬篩選條件。")).toBeVisible();
  });
});

test.describe("feeds", () => {
  test("pages announce and link their Atom feed of progress updates", async ({ page }) => {
    await page.goto("/departments/secretariat");
    const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute("href", /\/feeds\/progress\?department=secretariat$/u);
    const href = await page
      .getByRole("main")
      .getByRole("link", { name: "訂閱進度更新（Atom）" })
      .getAttribute("href");
    const response = await page.request.get(href ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml).toContain("<title>秘書處：進度更新</title>");
    expect((await page.request.get("/feeds/progress")).status()).toBe(200);
    expect((await page.request.get("/feeds/progress?department=nowhere")).status()).toBe(404);
    expect((await page.request.get("/feeds/progress?node=abc")).status()).toBe(400);
  });
});
