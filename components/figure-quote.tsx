/** A figure as a report quotes it: the number highlighted, then the sentence it stands in. */
export function FigureQuote({ figure }: { figure: { valueText: string; unit: string; sentence: string } }) {
  return (
    <>
      <mark className="rounded bg-amber-100 px-1 font-semibold">
        {figure.valueText} {figure.unit}
      </mark>{" "}
      {figure.sentence}
    </>
  );
}
