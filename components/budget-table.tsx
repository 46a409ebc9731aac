import type { BudgetBreakdown } from "@/lib/domain/budget";
import type { TreeOf } from "@/lib/domain/tree";
import type { BudgetLineRow } from "@/lib/domain/budget";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { Amount } from "./amount";

function Rows({
  lines,
  depth,
  total,
  locale,
}: {
  lines: TreeOf<BudgetLineRow>[];
  depth: number;
  total: number;
  locale: Locale;
}) {
  return lines.map((line) => (
    <BudgetRow key={line.id} line={line} depth={depth} total={total} locale={locale} />
  ));
}

function BudgetRow({
  line,
  depth,
  total,
  locale,
}: {
  line: TreeOf<BudgetLineRow>;
  depth: number;
  total: number;
  locale: Locale;
}) {
  return (
    <>
      <tr className="border-t border-slate-100">
        <th
          scope="row"
          className="py-1.5 pr-2 text-left font-normal"
          style={{ paddingLeft: `${depth * 1.25}rem` }}
        >
          {line.label ? `${line.label} ` : ""}
          {line.name}
        </th>
        <td className="px-2 py-1.5 text-right">
          <Amount thousands={line.amountThousands} locale={locale} />
        </td>
        <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">
          {formatNumber(locale, line.amountThousands * 1000)}
        </td>
        <td className="py-1.5 pl-2 text-right tabular-nums">
          {depth === 0 ? `${((line.amountThousands / Math.max(total, 1)) * 100).toFixed(1)}%` : ""}
        </td>
      </tr>
      <Rows lines={line.children} depth={depth + 1} total={total} locale={locale} />
    </>
  );
}

/** The breakdown as a table whose top-level rows add up to the total row. */
export function BudgetTable({
  breakdown,
  t,
  locale,
  caption,
}: {
  breakdown: BudgetBreakdown;
  t: Messages;
  locale: Locale;
  caption: string;
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="py-1 pr-2">
            {t.budgets.item}
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            {t.budgets.amount}
          </th>
          <th scope="col" className="hidden px-2 py-1 text-right sm:table-cell">
            {t.budgets.fullAmount}
          </th>
          <th scope="col" className="py-1 pl-2 text-right">
            {t.budgets.share}
          </th>
        </tr>
      </thead>
      <tbody>
        <Rows lines={breakdown.parts} depth={0} total={breakdown.total} locale={locale} />
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-300 font-semibold">
          <th scope="row" className="py-1.5 pr-2 text-left">
            {t.budgets.total}
          </th>
          <td className="px-2 py-1.5 text-right" data-testid="budget-total">
            <Amount thousands={breakdown.total} locale={locale} />
          </td>
          <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">
            {formatNumber(locale, breakdown.total * 1000)}
          </td>
          <td className="py-1.5 pl-2 text-right">100%</td>
        </tr>
      </tfoot>
    </table>
  );
}
