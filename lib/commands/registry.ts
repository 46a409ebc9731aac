import { createUserCommand, resetPasswordCommand, updateUserCommand } from "@/lib/admin/commands";
import { signInCommand, signOutCommand } from "@/lib/auth/sign-in";
import { addNoteCommand, deleteNoteCommand, updateNoteCommand } from "@/lib/notes/councillor-notes";
import {
  applyBulkUploadCommand,
  createProgressEntryCommand,
  previewBulkUploadCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
} from "@/lib/progress/commands";
import type { AnyCommand } from "./command";

/**
 * Every command of the portal. The permission matrix test (tests/integration/command-permissions)
 * is generated from this list, so a new write cannot ship without being tried by every kind of
 * user; the admin audit log names actions by these names.
 */
export const COMMANDS = [
  signInCommand,
  signOutCommand,
  createProgressEntryCommand,
  updateProgressEntryCommand,
  withdrawProgressEntryCommand,
  previewBulkUploadCommand,
  applyBulkUploadCommand,
  createUserCommand,
  updateUserCommand,
  resetPasswordCommand,
  addNoteCommand,
  updateNoteCommand,
  deleteNoteCommand,
] as const satisfies readonly AnyCommand[];

export type CommandName = (typeof COMMANDS)[number]["name"];
