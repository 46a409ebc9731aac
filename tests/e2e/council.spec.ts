import { extractText, getDocumentProxy } from "unpdf";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const COUNCILLOR = { email: "councillor@demo.example.org", password: "demo-councillor-2026" };

test.describe("council area", () => {
  test("a councillor reads the Secretariat's 2017 report, compares it with 2018, notes a question, downloads the PDF", async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000); // Chromium prints the PDF on the server: slow on a busy machine
    await page.goto("/sign-in");
    await page.getByLabel("電子郵件").fill(COUNCILLOR.email);
    await page.getByLabel("密碼").fill(COUNCILLOR.password);
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "議會專區" })).toBeVisible();

    await page.getByLabel("期間").selectOption("2017");
    await page.getByRole("button", { name: "顯示" }).click();
    await expect(page).toHaveURL(/\/council\?year=2017$/u);
    await expectAccessible(page);
    await page.getByRole("list", { name: "議會專區" }).getByRole("link", { name: "秘書處" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/秘書處：(民國 106 年|2017)/u);
    const reports = page.getByRole("region", { name: "議會業務報告" });
    await expect(reports).toContainText("陳瓊華");
    await expect(reports.getByRole("table")).toBeVisible();

    await page.getByLabel("比較期間").selectOption("2018");
    await page.getByRole("button", { name: "比較", exact: true }).click();
    const comparison = page.getByRole("region", { name: /比較/u });
    await expect(comparison).toContainText("330,433");
    await expect(comparison).toContainText(/只出現在前期報告：\d+ 筆/u);
    await expectAccessible(page);
    await saveScreenshot(page, "council-report", testInfo.project.name);

    const note = `質詢：國際交流成效 ${testInfo.project.name}`;
    const noteForm = page.getByRole("form", { name: "新增筆記" });
    await noteForm.getByLabel("內容").fill(note);
    await noteForm.getByRole("button", { name: "新增筆記" }).click();
    await expect(noteForm.getByRole("status")).toHaveText("已儲存筆記。");
    await expect(page.getByText(`📝 ${note}`)).toBeVisible();

    const pdfLink = page.getByRole("link", { name: "下載 PDF" });
    const response = await page.request.get((await pdfLink.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(await response.body()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text.normalize("NFKC")).toContain("秘書處");
    expect(text.normalize("NFKC")).toContain("國際交流成效"); // the councillor's own note is in their export

    const csv = await page.request.get(
      (await page.getByRole("link", { name: "下載 CSV" }).getAttribute("href")) ?? "",
    );
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("table,id,number,item,status,percent,value,unit,text,note");
  });

  test("staff of a department and visitors without an account cannot open the council area", async ({
    page,
    consoleErrors,
  }) => {
    await page.goto("/council");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcouncil$/u);
    await page.getByLabel("電子郵件").fill("transport@demo.example.org");
    await page.getByLabel("密碼").fill("demo-staff-2026");
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page).toHaveURL(/\/council$/u);
    await expect(page.getByRole("heading", { name: "沒有權限" })).toBeVisible();
    const response = await page.goto("/council/departments/secretariat?year=2017");
    expect(response?.status()).toBe(403);
    const pdf = await page.request.get("/council/departments/secretariat/pdf?year=2017");
    expect(pdf.status()).toBe(403);
    consoleErrors.length = 0; // the browser logs the expected 403s
  });
});
