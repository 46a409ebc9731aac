import { describe, expect, it } from "vitest";
import { budgetBreakdown, type BudgetLineRow } from "./budget";

let id = 0;
const line = (
  tableName: string,
  name: string,
  amount: number,
  parentId: number | null = null,
): BudgetLineRow => ({
  id: ++id,
  parentId,
  tableName,
  label: null,
  name,
  amountThousands: amount,
});

describe("budgetBreakdown", () => {
  it("takes the crosswalk's printed 合計 and never adds the program table to it (seed 002's shape)", () => {
    const total = line("對照表", "合計", 330_433);
    const rows = [
      total,
      line("對照表", "一般行政", 25_169, total.id),
      line("對照表", "人事費及第一預備金", 305_264, total.id),
      line("計畫表", "一般行政", 25_169),
    ];
    const result = budgetBreakdown(rows);
    expect(result).toMatchObject({ tableName: "對照表", total: 330_433, addsUp: true });
    expect(result?.parts.map((p) => p.name)).toEqual(["一般行政", "人事費及第一預備金"]);
  });

  it("says when the parts do not add up to the printed total", () => {
    const total = line("對照表", "合 計", 100);
    expect(
      budgetBreakdown([total, line("對照表", "甲", 60, total.id), line("對照表", "乙", 30, total.id)]),
    ).toMatchObject({ total: 100, addsUp: false });
  });

  it("sums the roots of the largest table when none prints a total", () => {
    const rows = [line("計畫表", "甲", 10), line("計畫表", "乙", 5), line("其他", "丙", 12)];
    expect(budgetBreakdown(rows)).toMatchObject({ tableName: "計畫表", total: 15 });
  });

  it("has nothing to say about a document without budget lines", () => {
    expect(budgetBreakdown([])).toBeNull();
  });
});
