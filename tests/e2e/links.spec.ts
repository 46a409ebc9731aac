import { readFileSync } from "node:fs";
import { expect, expectAccessible, saveScreenshot, SECRETARIAT, signIn, test } from "./fixtures";

/*
 * Links people confirm (issue 12). This spec imports a document (a 2024 plan), which changes what
 * every page shows; playwright.config.ts runs it after all other specs, in both projects.
 */

test.describe("links people confirm", () => {
  test("staff upload their 2024 plan, confirm a suggested strategy and add one by search; the public sees them confirmed", async ({
    page,
  }, testInfo) => {
    // The 2018 plan restated as 2024's: its years overlap the 2023–2026 mid-term plan, so its items get suggestions.
    const plan = readFileSync("seeds/002_edb18fdb8a68a56c.txt", "utf8").replaceAll("107", "113");
    // Each project takes its own key point, so both can confirm a suggestion on one shared database.
    const [pointText, suggested, searched, searchFor] = testInfo.project.name.startsWith("phone")
      ? ["加速辦理眷舍收回", "持續佈建長照幼托據點", "營造全齡共融休憩空間", "全齡"]
      : ["推動姊妹市", "推動國際觀光創造收益", "創新市政提升數位服務", "數位服務"];

    await signIn(page, SECRETARIAT);
    await page.getByRole("link", { name: "上傳施政文件" }).click();
    await page.getByLabel("文件檔案（.txt 或 .pdf，最大 10 MB）").setInputFiles({
      name: "secretariat-113.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(plan, "utf8"),
    });
    await page.getByRole("button", { name: "解析並預覽" }).click();
    await expect(page.getByRole("region", { name: "解析結果" })).toContainText("秘書處 113 年度施政計畫提要");
    await page.getByRole("button", { name: "確認匯入" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(
      "已匯入：高雄市政府秘書處 113 年度施政計畫提要",
    );

    // The public item page: the suggestion is shown apart, as unconfirmed.
    await page.goto("/plans");
    await page.getByRole("link", { name: "高雄市政府秘書處 113 年度施政計畫提要" }).click();
    await page
      .getByRole("link", { name: new RegExp(`^${pointText}`, "u") })
      .first()
      .click();
    await expect(page).toHaveURL(/\/nodes\/\d+$/u);
    const nodeId = new URL(page.url()).pathname.split("/").at(-1);
    const serves = page.getByRole("region", { name: "對應的中程策略" });
    await expect(serves.getByText("未確認")).toBeVisible();
    await expect(serves.getByRole("link", { name: suggested })).toBeVisible();

    // The staff item page: confirm the suggestion, then find another strategy and add it.
    await page.goto(`/staff/items/${nodeId}`);
    const links = page.getByRole("region", { name: "此項目服務的中程策略" });
    const row = links.getByRole("listitem").filter({ hasText: suggested });
    await row.getByRole("button", { name: "確認" }).click();
    await expect(links.getByText("已確認，策略進度會計入這個項目。")).toBeVisible();
    await expectAccessible(page);

    await links.getByLabel("搜尋同期中程計畫的策略").fill(searchFor);
    await links.getByRole("button", { name: "搜尋" }).click();
    const found = links
      .getByRole("list", { name: "搜尋並加入連結" })
      .getByRole("listitem")
      .filter({ hasText: searched });
    await found.getByRole("button", { name: "加入" }).click();
    await expect(links.getByText("已加入並確認。")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "此項目服務的中程策略" })).toContainText(/已確認 2 項/u);
    await saveScreenshot(page, "staff-links", testInfo.project.name);

    // The public pages on their next load: both confirmed, none unconfirmed.
    await page.goto(`/nodes/${nodeId}`);
    const publicServes = page.getByRole("region", { name: "對應的中程策略" });
    await expect(publicServes.getByRole("link", { name: suggested })).toBeVisible();
    await expect(publicServes.getByRole("link", { name: searched })).toBeVisible();
    await expect(publicServes.getByText("未確認")).toHaveCount(0);
    await publicServes.getByRole("link", { name: suggested }).click();
    const servedBy = page.getByRole("region", { name: "對應的年度施政項目" });
    await expect(servedBy.getByRole("link", { name: new RegExp(`${pointText}`, "u") })).toBeVisible();
    await expectAccessible(page);
  });
});
