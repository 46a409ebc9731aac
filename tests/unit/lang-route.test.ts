import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/lang/route";

const location = (query: string) =>
  GET(new NextRequest(`http://127.0.0.1:3000/lang?${query}`)).headers.get("location");

// Issue 16, finding 6: this exact URL used to answer `Location: /\\evil.example/`.
describe("/lang stays on the site", () => {
  it.each([
    "to=en&next=/%5Cevil.example/",
    "to=en&next=//evil.example/",
    "to=en&next=%2F%2Fevil.example",
    "to=en&next=/%09/evil.example",
    "to=en&next=https://evil.example/",
    "to=en&next=javascript:alert(1)",
  ])("%s goes home", (query) => {
    expect(location(query)).toBe("/");
  });

  it("goes back to the page it came from, Chinese query and all", () => {
    // The switch encodes the page once; a raw 交通 in Location used to make the response throw.
    expect(location(`to=en&next=${encodeURIComponent("/search?q=交通")}`)).toBe(
      "/search?q=%E4%BA%A4%E9%80%9A",
    );
    expect(location("to=zh-Hant&next=%2Fplans")).toBe("/plans");
  });

  it("refuses an unknown language with a message, not a 500", async () => {
    const response = GET(new NextRequest("http://127.0.0.1:3000/lang?to=fr&next=/"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("?to=en") });
  });
});
