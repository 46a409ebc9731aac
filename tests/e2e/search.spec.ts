import type { Page } from "@playwright/test";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const MRT = encodeURIComponent("捷運");

/** The number in "找到 22 筆結果". */
async function resultCount(page: Page): Promise<number> {
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toHaveText(/找到 \d+ 筆結果/u);
  return Number((await status.textContent())?.match(/找到 (\d+) 筆結果/u)?.[1]);
}

async function fitsScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("search", () => {
  test("the home page's box finds the MRT and light-rail items, 捷運 marked", async ({ page }, testInfo) => {
    await page.goto("/");
    const box = page.getByRole("search");
    await box.getByLabel("搜尋施政項目、預算與議會報告").fill("捷運");
    await box.getByRole("button", { name: "搜尋" }).click();

    await expect(page).toHaveURL(new RegExp(`/search\\?q=${MRT}$`, "u"));
    await expect(page).toHaveTitle(/^搜尋：捷運｜/u);
    await expect(page.getByRole("heading", { level: 1, name: "搜尋" })).toBeVisible();
    await expect(page.getByLabel("搜尋字詞")).toHaveValue("捷運");
    // The seeds' 捷運 nodes (progress notes never mention it in the other tests).
    expect(await resultCount(page)).toBe(22);
    await expect(page.getByText("每筆結果都包含：")).toBeVisible();

    const results = page.getByRole("list", { name: "搜尋結果" });
    await expect(results.getByRole("link", { name: "十七、 捷運工程" })).toBeVisible();
    await expect(results.getByRole("link", { name: /健全大眾運輸捷運路網/u })).toBeVisible();
    // The MRT bureau's light-rail items never say 捷運: its name finds them.
    await expect(results.getByRole("link", { name: /高雄環狀輕軌第一階段/u }).first()).toBeVisible();
    const marks = results.locator("mark");
    expect(await marks.count()).toBeGreaterThan(10);
    for (const text of await marks.allTextContents()) expect(text).toBe("捷運");

    // Each result is a permalink, with its kind, status, department, years and document.
    const area = results
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "十七、 捷運工程", exact: true }) });
    await expect(area.getByRole("link").first()).toHaveAttribute("href", /^\/nodes\/\d+$/u);
    for (const text of ["施政要項", "尚無進度", "捷運工程局", "民國 102 年（2013）", "施政綱要"]) {
      await expect(area).toContainText(text);
    }

    // The same search as JSON, with the same parameters.
    const json = page.getByRole("link", { name: "以 JSON 取得這些結果" });
    await expect(json).toHaveAttribute("href", `/api/v1/search?q=${MRT}`);
    const api = await page.request.get(`/api/v1/search?q=${MRT}`);
    expect((await api.json()).page.total).toBe(22);

    await saveScreenshot(page, "search", testInfo.project.name);
    await fitsScreen(page);
  });

  test("捷运 in Simplified finds as many results, marking the Traditional text", async ({ page }) => {
    await page.goto(`/search?q=${MRT}`);
    const traditional = await resultCount(page);
    await page.getByLabel("搜尋字詞").fill("捷运");
    await page.getByLabel("搜尋字詞").press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent("捷运")}$`, "u"));
    expect(await resultCount(page)).toBe(traditional);
    // What it understood is shown as typed; the marks are the documents' own script.
    await expect(page.getByText("捷运", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "搜尋結果" }).locator("mark").first()).toHaveText("捷運");
  });

  test("a kind facet narrows the results and keeps the query in the URL", async ({ page }, testInfo) => {
    await page.goto(`/search?q=${MRT}`);
    const all = await resultCount(page);
    const kinds = page.getByRole("region", { name: "類型" });
    await expect(kinds.getByRole("link", { name: "全部" })).toHaveAttribute("aria-current", "true");
    const items = kinds.getByRole("link", { name: /^施政項目/u });
    const facetCount = Number((await items.textContent())?.match(/(\d+)$/u)?.[1]);
    expect(facetCount).toBeGreaterThan(0);
    expect(facetCount).toBeLessThan(all);

    await items.click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${MRT}&kind=agenda_item$`, "u"));
    expect(await resultCount(page)).toBe(facetCount);
    await expect(items).toHaveAttribute("aria-current", "true");
    await expect(kinds.getByRole("link", { name: "全部" })).not.toHaveAttribute("aria-current", "true");
    // The other kinds stay listed, with their own counts, to switch to.
    await expect(kinds.getByRole("link", { name: /^推動策略/u })).toBeVisible();
    const results = page.getByRole("list", { name: "搜尋結果" }).getByRole("listitem");
    await expect(results).toHaveCount(facetCount);
    for (const result of await results.all()) {
      await expect(result).toContainText("施政項目");
      await expect(result).not.toContainText(/施政要項|推動策略|施政願景/u);
    }
    await expect(page.getByRole("link", { name: "以 JSON 取得這些結果" })).toHaveAttribute(
      "href",
      `/api/v1/search?q=${MRT}&kind=agenda_item`,
    );
    if (testInfo.project.name === "desktop") await expectAccessible(page);

    // The filter can be removed where it is listed.
    await page.getByRole("link", { name: "移除篩選「類型：施政項目」" }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${MRT}$`, "u"));
    expect(await resultCount(page)).toBe(all);
  });

  test("text that cannot be searched gets a message beside the box, not an error page", async ({ page }) => {
    await page.goto("/search");
    const box = page.getByLabel("搜尋字詞");
    await box.fill("捷".repeat(101));
    await box.press("Enter");
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toHaveText("搜尋字詞最多 100 個字，請縮短後再試。");
    await expect(page.getByLabel("搜尋字詞")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("搜尋字詞")).toHaveValue("捷".repeat(101));
    await expectAccessible(page);

    for (const [q, message] of [
      ["「」！", "請輸入文字或數字；只有標點符號無法搜尋。"],
      ["", "請輸入要搜尋的字詞。"],
    ] as const) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
    }
  });

  test("1999 lists the call centre's report figures, linked to where they are quoted", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("link", { name: "1999", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=1999$/u);
    const figures = page
      .getByRole("list", { name: "搜尋結果" })
      .getByRole("listitem")
      .filter({ hasText: "報告數據" });
    await expect(figures.first()).toBeVisible();
    const figure = figures.filter({ hasText: "405,286 通" }).first();
    await expect(figure).toContainText("研究發展考核委員會");
    await expect(figure.locator("mark", { hasText: "1999" }).first()).toBeVisible();
    const link = figure.getByRole("link").first();
    await expect(link).toHaveAttribute("href", /^\/(nodes|documents)\/\d+#figures-heading$/u);
    await link.click();
    await expect(page).toHaveURL(/#figures-heading$/u);
  });

  test("the empty search page offers examples; the pages are accessible", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "搜尋" }).click();
    await expect(page).toHaveURL(/\/search$/u);
    await expect(page).toHaveTitle(/^搜尋｜/u);
    for (const example of ["捷運", "社會住宅", "長照", "1999"]) {
      await expect(page.getByRole("link", { name: example, exact: true })).toHaveAttribute(
        "href",
        `/search?q=${encodeURIComponent(example)}`,
      );
    }
    await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);
    await expectAccessible(page);
    await fitsScreen(page);

    await page.getByRole("link", { name: "長照", exact: true }).click();
    await expect(page.getByRole("list", { name: "搜尋結果" }).getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);
    await fitsScreen(page);
  });

  test("reads in English too", async ({ page }) => {
    await page.goto(`/en/search?q=${MRT}&kind=agenda_item`);
    await expect(page).toHaveTitle(/^Search: 捷運｜/u);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/^\d+ results$/u);
    await expect(
      page.getByRole("region", { name: "Kind" }).getByRole("link", { name: /^Agenda item \d+$/u }),
    ).toHaveAttribute("aria-current", "true");
    await expect(page.getByText("Every result contains:")).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("API reference", () => {
  test("lists every endpoint with its parameters and links to the OpenAPI document", async ({
    page,
  }, testInfo) => {
    await page.goto("/search");
    await page.getByRole("main").getByRole("link", { name: "開放資料 API" }).click();
    await expect(page).toHaveURL(/\/developers$/u);
    await expect(page.getByRole("heading", { level: 1, name: "開放資料 API" })).toBeVisible();
    await expect(page.getByText(/不需申請金鑰/u)).toBeVisible();

    const nodes = page.getByRole("region", { name: /^GET \/api\/v1\/nodes List plan nodes$/u });
    await expect(nodes).toBeVisible();
    const parameters = nodes.getByRole("table", { name: "參數" });
    for (const name of ["kind", "department", "year", "document", "status", "page", "size", "format"]) {
      // On a phone the name cell also says where the parameter goes ("kind 查詢字串").
      await expect(
        parameters.getByRole("rowheader", { name: new RegExp(`^${name}( |$)`, "u") }),
      ).toBeVisible();
    }
    await expect(parameters.getByRole("row", { name: /^kind / })).toContainText("agenda_item");
    await expect(nodes.getByText("400", { exact: true })).toBeVisible();
    const example = nodes.getByRole("link", { name: "/api/v1/nodes?kind=agenda_item" });
    await expect(example).toHaveAttribute("href", "/api/v1/nodes?kind=agenda_item");
    expect((await page.request.get("/api/v1/nodes?kind=agenda_item")).status()).toBe(200);

    for (const path of ["/api/v1/search", "/api/v1/nodes/{id}", "/api/v1/progress-entries"]) {
      await expect(
        page.getByRole("navigation", { name: "端點" }).getByRole("link", { name: path }),
      ).toBeVisible();
    }

    const spec = page.getByRole("link", { name: "OpenAPI 3.1 規格（JSON）" });
    await expect(spec).toHaveAttribute("href", "/api/openapi.json");
    const document = await page.request.get("/api/openapi.json");
    expect((await document.json()).openapi).toBe("3.1.0");

    await saveScreenshot(page, "developers", testInfo.project.name);
    await expectAccessible(page);
    await fitsScreen(page);
  });
});
