import { describe, expect, it } from "vitest";
import { progressFormToInput, readProgressForm, valuesOf } from "./form";
import { progressFields } from "./schemas";

const posted = (extra: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    year: "2018",
    quarter: "2",
    status: "delayed",
    percent: "25",
    narrative: "第 2 季",
    ...extra,
  }))
    form.set(name, value);
  return form;
};

describe("the progress form's catch-up fields (落後原因, 因應對策, 預計改善日期)", () => {
  it("reach the schema as typed, blanks as null", () => {
    const input = progressFormToInput(
      readProgressForm(posted({ delayCause: " 用地取得延宕 ", remedy: "", catchUpDate: "2018-12-31" })),
    );
    expect(progressFields.parse(input)).toMatchObject({
      delayCause: "用地取得延宕",
      remedy: null,
      catchUpDate: "2018-12-31",
    });
  });

  it.each(["2018-02-30", "31/12/2018", "明年"])("refuse a catch-up date that is no day: %s", (day) => {
    const parsed = progressFields.safeParse(
      progressFormToInput(readProgressForm(posted({ catchUpDate: day }))),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["catchUpDate"]);
  });

  it("are absent from an older form (and from the API) without harm", () => {
    const parsed = progressFields.parse({
      period: { year: 2018, quarter: 2 },
      status: "on_track",
      percent: 40,
      narrative: "x",
      figures: [],
      evidenceLinks: [],
    });
    expect(parsed.delayCause).toBeUndefined();
  });

  it("fill the edit form from a stored entry, the DATE column as its calendar day", () => {
    const values = valuesOf({
      periodYear: 2018,
      periodQuarter: 2,
      status: "delayed",
      percent: 25,
      narrative: "x",
      figures: [],
      evidenceLinks: [],
      delayCause: "缺工",
      remedy: null,
      catchUpDate: new Date("2018-12-31T00:00:00Z"),
    });
    expect(values).toMatchObject({ delayCause: "缺工", remedy: "", catchUpDate: "2018-12-31" });
  });
});
