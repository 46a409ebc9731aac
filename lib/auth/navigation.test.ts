import { describe, expect, it } from "vitest";
import { safeNextPath } from "./navigation";

// Issue 16, finding 6: `/lang?to=en&next=/%5Cevil.example/` sent the browser to evil.example, because
// the /lang check let a backslash through as the second character and browsers read `/\` as `//`.
// The sign-in check refused that one but let NUL, DEL and encoded slashes/backslashes/tabs through.
describe("safeNextPath: only a path on this site", () => {
  const refused: Array<[string, unknown]> = [
    ["protocol-relative", "//evil.example/"],
    ["backslash for the second slash", "/\\evil.example/"],
    ["two backslashes", "\\\\evil.example"],
    ["encoded backslash (the reported attack)", "/%5Cevil.example/"],
    ["encoded backslash, lower case", "/%5cevil.example/"],
    ["encoded slash", "/%2Fevil.example"],
    ["fully encoded //", "%2F%2Fevil.example"],
    ["tab that browsers drop", "/\t/evil.example"],
    ["tab then backslash", "/\t\\evil.example"],
    ["newline", "/\n/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["NUL byte", "/plans\u0000"],
    ["DEL", "/plans\u007f"],
    ["leading space", " /plans"],
    ["javascript: URL", "javascript:alert(1)"],
    ["absolute https URL", "https://evil.example/"],
    ["scheme-relative with userinfo", "//user@evil.example"],
    ["relative path", "plans"],
    ["malformed percent-encoding", "/search?q=%E4"],
    ["empty", ""],
    ["not a string", ["/plans"]],
    ["nothing", undefined],
  ];
  it.each(refused)("refuses %s", (_what, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  const accepted: Array<[string, string, string]> = [
    ["the home page", "/", "/"],
    ["a page", "/plans", "/plans"],
    ["a query", "/items?year=2013&department=transport", "/items?year=2013&department=transport"],
    ["a backslash in the query", "/search?q=a\\b", "/search?q=a\\b"],
    ["a backslash further on in the path (read as a slash)", "/documents\\3", "/documents/3"],
    ["slashes further on", "/search?q=//x", "/search?q=//x"],
    ["Chinese, encoded for the Location header", "/search?q=交通", "/search?q=%E4%BA%A4%E9%80%9A"],
    ["already encoded Chinese", "/search?q=%E4%BA%A4%E9%80%9A", "/search?q=%E4%BA%A4%E9%80%9A"],
    ["a fragment", "/nodes/3#progress", "/nodes/3#progress"],
  ];
  it.each(accepted)("keeps %s", (_what, value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});
