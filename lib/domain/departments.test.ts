import { describe, expect, it } from "vitest";
import { CANONICAL_DEPARTMENTS, findCanonicalDepartment, findDepartmentInText } from "./departments";

describe("findCanonicalDepartment", () => {
  it.each([
    ["秘書事務", "secretariat"], // the outline's policy-area name
    ["秘書處", "secretariat"], // the reports' agency name
    ["高雄市政府秘書處", "secretariat"],
    ["民  政", "civil-affairs"], // spacing as the PDF prints it
    ["二十二、環  保".slice(4), "environmental-protection"],
    ["研考", "research-development-evaluation"],
    ["研考會", "research-development-evaluation"],
    ["水利與水土保持", "water-resources"],
    ["空中大學教育", "open-university"],
  ])("%s → %s", (name, slug) => {
    expect(findCanonicalDepartment(name)?.slug).toBe(slug);
  });

  it("answers undefined for a name it does not know", () => {
    expect(findCanonicalDepartment("宇宙局")).toBeUndefined();
  });

  it("has unique slugs and never gives one alias to two departments", () => {
    const slugs = CANONICAL_DEPARTMENTS.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const names = CANONICAL_DEPARTMENTS.flatMap((d) => [d.nameZh, ...d.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("findDepartmentInText", () => {
  it.each([
    ["高雄市政府秘書處 107 年度施政計畫提要", "secretariat"],
    ["十一、高雄市政府秘書處業務報告", "secretariat"],
    ["高雄市政府研究發展考核委員會業務報告", "research-development-evaluation"],
  ])("%s → %s", (text, slug) => {
    expect(findDepartmentInText(text)?.slug).toBe(slug);
  });
});
