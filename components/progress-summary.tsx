import type { RollUp } from "@/lib/domain/progress";
import type { Messages } from "@/lib/i18n/messages";
import { StatusBar } from "./status";

/** A roll-up as a bar plus the sentence that says what it rests on: never a bare number. */
export function ProgressSummary({
  progress,
  t,
  suggested,
}: {
  progress: RollUp;
  t: Messages;
  suggested?: number;
}) {
  return (
    <div className="space-y-1">
      <StatusBar counts={progress.counts} t={t} />
      <p className="text-xs text-slate-700">
        {progress.percent === null
          ? t.home.noProgressYet(progress.counts.total)
          : t.home.progressBasis(progress.percent, progress.basedOn, progress.counts.total)}
        {suggested ? `；${t.home.suggestedNote(suggested)}` : ""}
      </p>
    </div>
  );
}
