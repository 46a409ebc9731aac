import {
  confirmSecondFactorCommand,
  disableSecondFactorCommand,
  enrolSecondFactorCommand,
  regenerateRecoveryCodesCommand,
} from "@/lib/account/second-factor";
import { setRemindersCommand } from "@/lib/account/settings";
import {
  createUserCommand,
  resetPasswordCommand,
  resetSecondFactorCommand,
  updateUserCommand,
} from "@/lib/admin/commands";
import { secondFactorCommand, signInCommand, signOutCommand } from "@/lib/auth/sign-in";
import { confirmUploadCommand, importDocumentCommand, stageUploadCommand } from "@/lib/import/commands";
import { addNoteCommand, deleteNoteCommand, updateNoteCommand } from "@/lib/notes/councillor-notes";
import {
  applyBulkUploadCommand,
  approveProgressCommand,
  createProgressEntryCommand,
  previewBulkUploadCommand,
  publishProgressCommand,
  returnProgressCommand,
  submitProgressCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import { overrideLightCommand } from "@/lib/progress/lights";
import { approvePlanCommand, proposePlanCommand, returnPlanCommand } from "@/lib/progress/plans";
import {
  defineIndicatorCommand,
  recordIndicatorCommand,
  updateIndicatorCommand,
} from "@/lib/progress/indicators";
import type { AnyCommand } from "@/lib/commands/command";
import { addLinkCommand, decideLinkCommand } from "@/lib/links/commands";
import { setDepartmentReviewCommand } from "@/lib/tracking/review-settings";
import {
  assignLeadCommand,
  closeTrackedItemCommand,
  createTrackedSetCommand,
  setWeightCommand,
  updateTrackedSetCommand,
} from "@/lib/tracking/sets";

/**
 * Every command of the portal. The permission matrix test (tests/integration/command-permissions)
 * is generated from this list, so a new write cannot ship without being tried by every kind of
 * user; the admin audit log names actions by these names.
 */
export const COMMANDS = [
  signInCommand,
  signOutCommand,
  secondFactorCommand,
  setRemindersCommand,
  enrolSecondFactorCommand,
  confirmSecondFactorCommand,
  regenerateRecoveryCodesCommand,
  disableSecondFactorCommand,
  createProgressEntryCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
  submitProgressCommand,
  approveProgressCommand,
  returnProgressCommand,
  publishProgressCommand,
  overrideLightCommand,
  proposePlanCommand,
  approvePlanCommand,
  returnPlanCommand,
  defineIndicatorCommand,
  updateIndicatorCommand,
  recordIndicatorCommand,
  previewBulkUploadCommand,
  applyBulkUploadCommand,
  createUserCommand,
  updateUserCommand,
  resetPasswordCommand,
  resetSecondFactorCommand,
  addNoteCommand,
  updateNoteCommand,
  deleteNoteCommand,
  stageUploadCommand,
  confirmUploadCommand,
  importDocumentCommand,
  createTrackedSetCommand,
  assignLeadCommand,
  closeTrackedItemCommand,
  setWeightCommand,
  decideLinkCommand,
  addLinkCommand,
  updateTrackedSetCommand,
  setDepartmentReviewCommand,
] as const satisfies readonly AnyCommand[];

export type CommandName = (typeof COMMANDS)[number]["name"];
