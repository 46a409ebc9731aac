import { DEMO_ACCOUNTS } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/permissions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { type Command, executeCommand, type WhoMayRun } from "@/lib/commands/command";
import type { Db } from "@/lib/db/client";
import { currentTaipeiYear, taipeiToday } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import {
  approveProgressCommand,
  createProgressEntryCommand,
  publishProgressCommand,
  returnProgressCommand,
} from "@/lib/progress/commands";
import { approvePlanCommand, periodsOf, proposePlanCommand } from "@/lib/progress/plans";
import type { ProgressFields } from "@/lib/progress/schemas";
import { assignLeadCommand, createTrackedSetCommand } from "@/lib/tracking/sets";
import type { z } from "zod";

/**
 * The demo scenario a fresh demo install starts with, so the tracking loop can be seen at work:
 * the 研考會 tracks the current year and gives six city-wide strategies to 秘書處 and 交通局;
 * 秘書處's staff set its four items' planned progress (預定進度), which its supervisor approves;
 * and the updates of the quarters that ended stand at every step: a year published on schedule, a
 * year published falling behind (with its cause, remedy and catch-up date), returned with a
 * comment, waiting for the supervisor, a draft, and one not reported at all. Everything is done through the same commands people use, as the demo accounts, so the audit
 * log and the sign-off history read as they would in real use. The first four strategies are left
 * untouched for people (and the browser tests) to try the loop themselves.
 */
export const DEMO_SET_NAME = "示範列管：年度施政（研考會）";
const META = { ip: null, userAgent: "demo scenario" };
const LEFT_FOR_PEOPLE = 4;

export type DemoScenarioReport = { setName: string; updates: number } | { skipped: string };

/**
 * A demo account as the scenario acts for it. The scenario writes the demo's history at start-up, not
 * through a sign-in, so the demo reviewer's second factor (enrolled at their first real sign-in) is
 * not asked for here: the person signing in later still has to enrol before doing anything.
 */
async function demoUser(db: Db, email: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, sessionVersion: true } });
  const loaded = user ? await loadSessionUser(db, user.id, user.sessionVersion) : null;
  return loaded && { ...loaded, secondFactor: "done" };
}

/** Creates the scenario once, on a database with demo accounts and nothing tracked yet. */
export async function ensureDemoScenario(db: Db, now = new Date()): Promise<DemoScenarioReport> {
  if ((await db.trackedSet.count()) > 0) return { skipped: "something is tracked already" };
  const [reviewer, staff, supervisor, transport] = await Promise.all(
    ["reviewer", "secretariat", "supervisor", "transport"].map((prefix) => {
      const account = DEMO_ACCOUNTS.find((a) => a.email.startsWith(`${prefix}@`));
      return account ? demoUser(db, account.email) : null;
    }),
  );
  if (!reviewer || !staff || !supervisor || !transport) return { skipped: "no demo accounts" };

  const as = async <Schema extends z.ZodType, Output, W extends WhoMayRun>(
    actor: SessionUser,
    command: Command<Schema, Output, W>,
    input: unknown,
  ) => (await executeCommand(db, command, input, { actor, meta: META, now })).value;

  let set;
  try {
    set = await as(reviewer, createTrackedSetCommand, {
      name: DEMO_SET_NAME,
      year: String(currentTaipeiYear(now)),
    });
  } catch (error) {
    if (error instanceof AppError) return { skipped: `nothing to track this year (${error.message})` };
    throw error;
  }

  const today = taipeiToday(now);
  const ended = (
    await db.reportingCycle.findMany({
      where: { setId: set.setId, periodTo: { lt: new Date(`${today}T00:00:00Z`) } },
      orderBy: { periodTo: "asc" },
      select: { periodFrom: true },
    })
  ).map((c) => ({
    year: c.periodFrom.getUTCFullYear(),
    quarter: Math.floor(c.periodFrom.getUTCMonth() / 3) + 1,
  }));
  const last = ended.at(-1);
  if (!last) return { skipped: "no quarter of this year has ended yet" };

  const items = await db.trackedItem.findMany({
    where: { setId: set.setId, node: { kind: "strategy" } },
    orderBy: { node: { lineFrom: "asc" } },
    select: { id: true, version: true, nodeId: true },
  });
  const chosen = items.slice(LEFT_FOR_PEOPLE, LEFT_FOR_PEOPLE + 6);
  if (chosen.length < 6) return { skipped: "too few strategies to show" };
  const leads = [
    "secretariat",
    "secretariat",
    "secretariat",
    "secretariat",
    "transportation",
    "transportation",
  ];
  for (const [i, item] of chosen.entries()) {
    await as(reviewer, assignLeadCommand, { itemId: item.id, expectedVersion: item.version, lead: leads[i] });
  }
  const node = (i: number) => chosen[i]?.nodeId ?? 0;

  // 秘書處 plans its four items' year, quarter by quarter; its supervisor approves each curve.
  const periods = periodsOf(
    await db.trackedSet.findUniqueOrThrow({
      where: { id: set.setId },
      select: { cadence: true, fromDay: true, toDay: true },
    }),
  );
  const curves = PLANNED_CURVES.slice(0, periods.length === 4 ? PLANNED_CURVES.length : 0);
  for (const [i, curve] of curves.entries()) {
    const item = chosen[i];
    if (!item) continue;
    const plan = await as(staff, proposePlanCommand, {
      trackedItemId: item.id,
      expectedVersion: 0,
      points: periods.map((p, k) => ({ periodEnd: p.to, percent: curve[k] ?? 100 })),
    });
    await as(supervisor, approvePlanCommand, { planId: plan.id });
  }
  const plannedAt = (i: number, quarter: number) => curves[i]?.[quarter - 1] ?? null;

  const report = (author: SessionUser, nodeId: number, fields: Partial<ProgressFields>, submit: boolean) =>
    as(author, createProgressEntryCommand, {
      nodeId,
      submit,
      period: last,
      status: "on_track",
      percent: null,
      narrative: "",
      figures: [],
      evidenceLinks: [],
      ...fields,
    }).then((r) => r.entry);
  const ref = (e: { id: number; version: number }) => ({ entryId: e.id, expectedVersion: e.version });
  const publish = async (e: { id: number; version: number }) => {
    await as(supervisor, approveProgressCommand, ref(e));
    await as(reviewer, publishProgressCommand, ref(e));
  };
  let updates = 0;

  // On schedule all year: each quarter published as planned, with what was done and its evidence.
  for (const period of ended) {
    const story = ON_SCHEDULE[period.quarter - 1];
    if (!story) continue;
    await publish(
      await report(
        staff,
        node(0),
        { period, percent: plannedAt(0, period.quarter) ?? story.percent, ...story.fields },
        true,
      ),
    );
    updates += 1;
  }
  // Falling behind: on plan at first, then the land negotiations stalled; each behind quarter
  // says why, what is being done and by when it will catch up.
  for (const period of ended) {
    const story = FALLING_BEHIND[period.quarter - 1];
    if (!story) continue;
    await publish(await report(staff, node(1), { period, ...story }, true));
    updates += 1;
  }
  // Returned by the supervisor, waiting for its author to fix it.
  const returned = await report(
    staff,
    node(2),
    {
      percent: 50,
      narrative: "持續辦理中。",
      delayCause: "委外廠商人力不足，訪談進度延後。",
      remedy: "要求廠商增派人力，並改以線上訪談補足場次。",
      catchUpDate: `${last.year}-12-31`,
    },
    true,
  );
  await as(supervisor, returnProgressCommand, {
    ...ref(returned),
    comment: "請補上本季辦理場次、參與人數與經費執行數。",
  });
  // Waiting for the supervisor's approval, on plan.
  await report(
    staff,
    node(3),
    { percent: plannedAt(3, last.quarter) ?? 45, narrative: "完成需求訪談 12 場，系統規劃書送審中。" },
    true,
  );
  // A draft 交通局 has not sent yet, and one item nobody has reported on (overdue).
  await report(transport, node(4), { percent: 30, narrative: "草稿：公車路線調整方案研擬中。" }, false);
  updates += 3;
  return { setName: DEMO_SET_NAME, updates };
}

/** 秘書處's planned cumulative % per quarter for its four items (Q1–Q4). */
const PLANNED_CURVES: readonly (readonly number[])[] = [
  [15, 35, 60, 100],
  [10, 30, 55, 100],
  [20, 40, 60, 100],
  [10, 25, 45, 100],
];

const EVIDENCE = "https://www.kcg.gov.tw/";

/** The on-schedule item's year, quarter by quarter. */
const ON_SCHEDULE: ReadonlyArray<{ percent: number; fields: Partial<ProgressFields> }> = [
  {
    percent: 15,
    fields: {
      narrative: "成立跨局處工作小組，完成推動計畫書初稿。",
      figures: [{ value: 1, unit: "份", label: "推動計畫書" }],
    },
  },
  {
    percent: 35,
    fields: { narrative: "完成推動計畫書與跨局處分工，召開 2 場工作會議。" },
  },
  {
    percent: 60,
    fields: {
      narrative: "辦理 3 場市民說明會，約 420 人次參與；第一期工作已完成發包。",
      figures: [{ value: 3, unit: "場", label: "市民說明會" }],
      evidenceLinks: [{ url: EVIDENCE, title: "高雄市政府全球資訊網：說明會紀錄" }],
    },
  },
  {
    percent: 100,
    fields: { narrative: "第一期工作完成驗收，成果報告公開於市府網站。" },
  },
];

const CATCH_UP = {
  delayCause: "用地取得協調未完成，第二階段工程延後開工。",
  remedy: "已與地主召開 2 次協調會，同步辦理都市計畫變更作業，並調整施工順序先行施作不需用地的部分。",
};

/** The item falling behind: on plan in Q1, 5 points behind in Q2 (still green), then red. */
const FALLING_BEHIND: ReadonlyArray<Partial<ProgressFields>> = [
  { percent: 10, narrative: "完成規劃設計招標。" },
  { percent: 25, narrative: "規劃設計完成，用地協調展開。" },
  {
    status: "delayed",
    percent: 38,
    narrative: "用地取得協調未完成，第二階段工程延後開工；第一階段工程持續施作。",
    ...CATCH_UP,
    catchUpDate: "2027-03-31",
    evidenceLinks: [{ url: EVIDENCE, title: "高雄市政府全球資訊網：用地協調會紀錄" }],
  },
  {
    status: "delayed",
    percent: 70,
    narrative: "用地協調完成，第二階段工程開工。",
    ...CATCH_UP,
    catchUpDate: "2027-06-30",
  },
];
