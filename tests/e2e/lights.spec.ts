import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

/*
 * The demo scenario in public: the 示範資料 banner on every page, the city's lights by department
 * on the home page, a department's tracked items worst first, and an item's light, planned-vs-actual
 * chart, catch-up plan and evidence. The demo's 秘書處 item that fell behind is red from Q3 on.
 */

test.describe("lights in public (demo scenario)", () => {
  test("home → a department's tracked items → the red item: its light, why, chart and evidence", async ({
    page,
  }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("note").filter({ hasText: "示範資料" })).toBeVisible();
    const city = page.getByRole("region", { name: "市政進度燈號" });
    await expect(city.getByText(/本年度列管 \d+ 項/u)).toBeVisible();
    const chart = city.getByRole("figure", { name: /各機關列管項目燈號/u });
    await expect(chart.getByRole("img", { name: /^秘書處：.*紅燈 1/u })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, "lights-home", testInfo.project.name);

    await chart.getByRole("link", { name: "秘書處" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "秘書處" })).toBeVisible();
    const tracked = page.getByRole("region", { name: /本年度列管項目燈號（\d+ 項）/u });
    const red = tracked.getByRole("listitem").filter({ hasText: "紅燈" }).first();
    await expect(red).toBeVisible();
    await expectAccessible(page);
    await red.getByRole("link").click();

    const progress = page.getByRole("region", { name: "執行進度" });
    await expect(progress.getByText("目前燈號")).toBeVisible();
    await expect(progress.getByText("紅燈（嚴重落後）").first()).toBeVisible();
    await expect(progress.getByText(/預定 55%，實際 38%，落後 17 個百分點/u)).toBeVisible();
    await expect(progress.getByText("用地取得協調未完成，第二階段工程延後開工。").first()).toBeVisible();
    await expect(progress.getByText("預計改善日期").first()).toBeVisible();
    const evidence = progress.getByRole("link", { name: "高雄市政府全球資訊網：用地協調會紀錄" });
    await expect(evidence).toHaveAttribute("href", "https://www.kcg.gov.tw/");
    await expect(progress.getByText("(kcg.gov.tw)").first()).toBeVisible();

    const curve = progress.getByRole("figure", { name: "預定與實際進度" });
    await expect(curve.getByRole("img", { name: /預定與實際累計進度/u })).toBeVisible();
    await expect(curve.locator("path")).toHaveCount(2); // planned and actual
    await expect(curve.getByRole("row", { name: /第3季.*55%.*38%/u })).toBeVisible();
    // The chart's words stay at body size on a phone: nothing in it is drawn smaller than 14 px.
    const sizes = await curve
      .locator("span, th, td")
      .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    await expectAccessible(page);
    await saveScreenshot(page, "lights-item", testInfo.project.name);
  });

  test("the methodology page explains lights, thresholds and weights", async ({ page }, testInfo) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "燈號如何判定" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "燈號如何判定" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "門檻" })).toBeVisible();
    await expect(page.getByRole("row", { name: /示範列管：年度施政（研考會）\s*5\s*10/u })).toBeVisible();
    await expect(page.getByRole("heading", { name: "彙總與權重" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "指標燈號怎麼算" })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, "methodology", testInfo.project.name);

    await page.goto("/en/methodology");
    await expect(page.getByRole("heading", { level: 1, name: "How lights are decided" })).toBeVisible();
    await expect(page.getByRole("note").filter({ hasText: "Demo data" })).toBeVisible();
  });
});
