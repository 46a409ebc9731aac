import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditEntityLabel, describeAuditChange } from "./audit";
import { en, zhHant } from "./messages";

const entry = {
  id: 7,
  nodeId: 12,
  version: 1,
  status: "on_track",
  percent: 50,
  narrative: "辦理城市外交",
  periodYear: 2026,
  periodQuarter: 4,
  periodFrom: "2026-10-01T00:00:00.000Z",
  periodTo: "2026-12-31T00:00:00.000Z",
  figures: [{ value: 5, unit: "場", label: "城市互訪" }],
  evidenceLinks: [],
  withdrawnAt: null,
  withdrawnReason: null,
};

/**
 * Every action the code can write to the audit log: each command's name (the default action of its
 * audit records) and each literal `action:` in an audit record (recordAudit, a command's audit()).
 */
function auditActionsInCode(): string[] {
  const root = path.resolve(__dirname, "../..");
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) {
        if (item.name !== "generated" && item.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/u.test(item.name) && !/\.test\.tsx?$/u.test(item.name)) {
        const source = readFileSync(full, "utf8");
        for (const command of source.matchAll(/defineCommand\(\{\s*name:\s*"([^"]+)"/gu))
          found.add(command[1] ?? "");
        for (const call of source.matchAll(
          /(?:recordAudit\(\w+,\s*|\baudit\()\{([^{}]*?)action:([^\n]+)/gu,
        )) {
          for (const literal of (call[2] ?? "").matchAll(/"([a-z]+\.[a-z-]+)"/gu))
            found.add(literal[1] ?? "");
        }
      }
    }
  };
  walk(path.join(root, "lib"));
  walk(path.join(root, "app"));
  return [...found].sort();
}

describe("the audit log in the reader's language", () => {
  it("has words for every action the code records, in both languages", () => {
    const actions = auditActionsInCode();
    expect(actions).toEqual(
      expect.arrayContaining([
        "auth.sign-in-failed",
        "auth.sign-out",
        "progress.create",
        "user.password-reset",
        "document.import",
        "document.reimport",
      ]),
    );
    // entries.ts passes these two through a parameter, where the scan cannot see them.
    for (const action of [...actions, "progress.update", "progress.withdraw"]) {
      expect(auditActionLabel(zhHant, action), action).not.toBe(action);
      expect(auditActionLabel(en, action), action).not.toBe(action);
    }
    expect(auditActionLabel(zhHant, "progress.create")).toBe("新增進度");
    expect(auditActionLabel(en, "progress.create")).toBe("Progress entry added");
    expect(auditEntityLabel(zhHant, "ProgressEntry")).toBe("進度");
    // A future action is shown as its code rather than hidden; "constructor" is not a label.
    expect(auditActionLabel(en, "report.publish")).toBe("report.publish");
    expect(auditActionLabel(en, "constructor")).toBe("constructor");
  });

  it("shows a progress edit as the labelled fields that changed", () => {
    const rows = describeAuditChange("zh-Hant", zhHant, {
      action: "progress.update",
      entityType: "ProgressEntry",
      before: entry,
      after: { ...entry, version: 2, status: "delayed", percent: 30 },
    });
    expect(rows).toEqual([
      {
        key: "status",
        label: "狀態",
        before: { kind: "text", text: "進行中" },
        after: { kind: "text", text: "落後" },
      },
      {
        key: "percent",
        label: "完成度",
        before: { kind: "text", text: "50%" },
        after: { kind: "text", text: "30%" },
      },
    ]);
  });

  it("shows a new entry's figures as value, unit and label", () => {
    const rows = describeAuditChange("en", en, {
      action: "progress.create",
      entityType: "ProgressEntry",
      before: null,
      after: entry,
    });
    expect(rows.find((r) => r.key === "figures")?.after).toEqual({ kind: "list", items: ["5 場 城市互訪"] });
    expect(rows.find((r) => r.key === "status")?.after).toEqual({ kind: "text", text: "On track" });
    expect(JSON.stringify(rows)).not.toMatch(/on_track|"value":5/u);
  });

  it("shows a user change with role, departments and flags as words, never a password", () => {
    const rows = describeAuditChange("zh-Hant", zhHant, {
      action: "user.update",
      entityType: "User",
      before: {
        email: "a@example.org",
        name: "甲",
        role: "staff",
        active: true,
        departments: ["secretariat"],
      },
      after: {
        email: "a@example.org",
        name: "甲",
        role: "admin",
        active: false,
        departments: ["secretariat", "transportation"],
        password: "hunter2hunter2",
      },
    });
    expect(rows).toEqual([
      {
        key: "role",
        label: "角色",
        before: { kind: "text", text: "機關承辦人" },
        after: { kind: "text", text: "系統管理員" },
      },
      {
        key: "active",
        label: "啟用",
        before: { kind: "text", text: "是" },
        after: { kind: "text", text: "否" },
      },
      {
        key: "departments",
        label: "所屬機關",
        before: { kind: "text", text: "秘書處" },
        after: { kind: "text", text: "秘書處、交通局" },
      },
    ]);
  });

  it("shows a set's new due days and the periods re-dated, labelled", () => {
    const rows = describeAuditChange("zh-Hant", zhHant, {
      action: "tracking.update-set",
      entityType: "TrackedSet",
      before: { staffDueDays: 10, supervisorDueDays: 15, reviewDueDays: 20, graceDays: 5 },
      after: {
        staffDueDays: 12,
        supervisorDueDays: 15,
        reviewDueDays: 20,
        graceDays: 5,
        cyclesRedated: ["2026-Q4"],
      },
    });
    expect(rows).toEqual([
      {
        key: "staffDueDays",
        label: "承辦人填報期限（天）",
        before: { kind: "text", text: "10" },
        after: { kind: "text", text: "12" },
      },
      { key: "cyclesRedated", label: "改期的期別", before: null, after: { kind: "text", text: "2026-Q4" } },
    ]);
    expect(auditActionLabel(en, "tracking.set-department-review")).toBe(
      "Department's review setting changed",
    );
    expect(auditEntityLabel(en, "Department")).toBe("Department");
  });

  it.each([
    ["zh-Hant", "wrongPassword", "密碼錯誤"],
    ["en", "wrongPassword", "Wrong password"],
    // Rows written before the codes keep their English phrase; they are shown in the reader's language.
    ["zh-Hant", "wrong password", "密碼錯誤"],
    ["zh-Hant", "unknown e-mail", "查無此電子郵件"],
    ["en", "disabled", "Account disabled"],
  ] as const)("%s: a failed sign-in's reason %s is shown as words", (locale, reason, expected) => {
    const rows = describeAuditChange(locale, locale === "en" ? en : zhHant, {
      action: "auth.sign-in-failed",
      entityType: "User",
      before: null,
      after: { email: "a@example.org", reason, locked: false },
    });
    expect(rows.find((r) => r.key === "reason")?.after).toEqual({ kind: "text", text: expected });
    expect(rows.find((r) => r.key === "locked")?.after).toEqual({
      kind: "text",
      text: locale === "en" ? "No" : "否",
    });
  });
});
