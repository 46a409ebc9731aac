import { readSignInFailure } from "@/lib/auth/sign-in-failure";
import { CANONICAL_DEPARTMENTS } from "@/lib/domain/departments";
import { PROGRESS_STATUSES } from "@/lib/domain/progress";
import { ROLES } from "@/lib/domain/roles";
import { UPDATE_STATES } from "@/lib/domain/updates";
import { diffVersions, type VersionFields } from "@/lib/progress/history";
import { changeLabels, type Shown, showChange } from "./changes";
import { formatNumber } from "./format";
import type { Locale } from "./locale";
import type { Messages } from "./messages";

/** An audit event as the log stores it: the before/after snapshots are JSON of any age. */
export type AuditEventView = { action: string; entityType: string; before: unknown; after: unknown };

/** One line of an audit event's change: a field's label and its values, in the reader's language. */
export type AuditRow = { key: string; label: string; before: Shown | null; after: Shown | null };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** "新增進度" / "Progress entry added"; an action this release does not know is shown as its code. */
export function auditActionLabel(t: Messages, action: string): string {
  return lookup(t.workspace.admin.auditActions, action) ?? action;
}

export function auditEntityLabel(t: Messages, entityType: string): string {
  return lookup(t.workspace.admin.auditEntities, entityType) ?? entityType;
}

/** A progress snapshot (lib/progress/entries auditJson) back as version fields, or null if it is not one. */
function progressSnapshot(json: unknown): VersionFields | null {
  if (!isRecord(json)) return null;
  const status = PROGRESS_STATUSES.find((s) => s === json.status);
  const day = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
  const periodFrom = day(json.periodFrom);
  const periodTo = day(json.periodTo);
  if (!status || !periodFrom || !periodTo) return null;
  return {
    status,
    percent: typeof json.percent === "number" ? json.percent : null,
    narrative: typeof json.narrative === "string" ? json.narrative : "",
    periodFrom,
    periodTo,
    figures: json.figures,
    evidenceLinks: json.evidenceLinks,
    withdrawnAt: day(json.withdrawnAt),
    withdrawnReason: typeof json.withdrawnReason === "string" ? json.withdrawnReason : null,
  };
}

const text = (value: string): Shown => ({ kind: "text", text: value });

/** One stored value as words; null for what is not shown (nested data, nothing). */
function shownValue(locale: Locale, t: Messages, event: AuditEventView, key: string, value: unknown) {
  const a = t.workspace.admin;
  if (value === null || value === undefined) return null;
  if (key === "role" && typeof value === "string") {
    const role = ROLES.find((r) => r === value);
    return text(role ? a.roles[role] : value);
  }
  if (key === "departments" && Array.isArray(value)) {
    const names = value.map((slug) => {
      const dept = CANONICAL_DEPARTMENTS.find((d) => d.slug === slug);
      return dept ? (locale === "en" ? dept.nameEn : dept.nameZh) : String(slug);
    });
    return text(names.length === 0 ? "—" : names.join(locale === "en" ? ", " : "、"));
  }
  if (key === "reason" && event.action === "auth.sign-in-failed") {
    const code = readSignInFailure(value);
    return code ? text(a.signInFailures[code]) : typeof value === "string" ? text(value) : null;
  }
  if (key === "secondFactor" && typeof value === "string") {
    return text(lookup(a.secondFactorValues, value) ?? value);
  }
  if (key === "state" && typeof value === "string") {
    const state = UPDATE_STATES.find((u) => u === value);
    return text(state ? t.workspace.updates.states[state] : value);
  }
  if (key === "warnings" && Array.isArray(value)) return text(formatNumber(locale, value.length));
  if (key === "cyclesRedated" && Array.isArray(value))
    return text(value.length === 0 ? "—" : value.map(String).join(locale === "en" ? ", " : "、"));
  if (typeof value === "boolean") return text(value ? a.yes : a.no);
  if (typeof value === "number") return text(formatNumber(locale, value));
  if (typeof value === "string") return text(value);
  return null; // objects and arrays of unknown meaning are never dumped as JSON
}

/**
 * What an audit event changed, field by field, with labels: a progress entry's snapshots through the
 * same diff and labels as its version history; other records key by key, only what changed, and
 * never a password field.
 */
export function describeAuditChange(locale: Locale, t: Messages, event: AuditEventView): AuditRow[] {
  if (event.entityType === "ProgressEntry") {
    const after = progressSnapshot(event.after);
    if (after) {
      const labels = changeLabels(t);
      return diffVersions(progressSnapshot(event.before), after).map((c) => {
        const shown = showChange(locale, labels, c);
        return { key: shown.field, label: shown.label, before: shown.before, after: shown.after };
      });
    }
  }
  const before = isRecord(event.before) ? event.before : {};
  const after = isRecord(event.after) ? event.after : {};
  const hasBefore = isRecord(event.before);
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter(
    (key) => !/password/iu.test(key),
  );
  return keys.flatMap((key) => {
    if (hasBefore && JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
    const row = {
      key,
      label: lookup(t.workspace.admin.auditFields, key) ?? key,
      before: shownValue(locale, t, event, key, before[key]),
      after: shownValue(locale, t, event, key, after[key]),
    };
    return row.before === null && row.after === null ? [] : [row];
  });
}
