import { ActionButtonForm, type ActionButtonFormProps } from "@/components/action-button-form";

type Props = Pick<ActionButtonFormProps, "action" | "button" | "working" | "comment" | "tone"> & {
  entry: { id: number; version: number };
  /** Where the page is (the action refreshes it). */
  nodeId: number;
  locale: string;
};

/** One sign-off step on an update (送出, 核可, 退回, 公開): the update's id and version ride along. */
export function UpdateStepForm({ entry, nodeId, locale, ...rest }: Props) {
  return (
    <ActionButtonForm
      {...rest}
      idKey={`step-${entry.id}`}
      hidden={{ entryId: entry.id, expectedVersion: entry.version, nodeId, locale }}
    />
  );
}
