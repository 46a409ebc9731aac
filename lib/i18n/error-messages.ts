import type { AppErrorCode } from "@/lib/errors";
import type { Locale } from "./locale";

/**
 * What each expected failure says to the person who met it. Keyed by the closed set of codes in
 * lib/errors.ts: a code without a message in both languages does not compile.
 */
const zhHant: Record<AppErrorCode, string> = {
  invalid_input: "請修正標示的欄位。",
  unauthenticated: "請先登入。",
  forbidden: "您沒有權限做這件事。",
  not_found: "找不到這筆資料，可能已被刪除。",
  conflict: "這筆資料在您編輯期間已被他人修改。",
  email_taken: "這個電子郵件地址已有帳號。",
  upload_expired: "預覽已過期或不是您上傳的檔案，請重新上傳。",
  too_large: "檔案太大。",
  rule_broken: "這項變更不符合規則。",
  self_lockout: "不能停用自己的帳號或移除自己的管理權限。",
  file_rejected: "無法讀取這個檔案。",
  document_rejected: "無法匯入這份文件。",
};

const en: Record<AppErrorCode, string> = {
  invalid_input: "Please correct the marked fields.",
  unauthenticated: "Please sign in first.",
  forbidden: "You are not allowed to do this.",
  not_found: "This record was not found; it may have been deleted.",
  conflict: "Someone else changed this record while you were editing it.",
  email_taken: "An account with this e-mail address already exists.",
  upload_expired: "The preview has expired or is not your upload; please upload the file again.",
  too_large: "The file is too large.",
  rule_broken: "This change breaks a rule.",
  self_lockout: "You cannot disable your own account or remove your own administrator role.",
  file_rejected: "The file could not be read.",
  document_rejected: "The document could not be imported.",
};

export function errorMessage(code: AppErrorCode, locale: Locale): string {
  return (locale === "en" ? en : zhHant)[code];
}
