import { describe, expect, it } from "vitest";
import { remindersDue } from "./reminders";

// Staff due 2026-10-10, late after 2026-10-15 (five days' grace); reminded 3 days before, escalated 5 days after.
const due = (today: string) => remindersDue(today, "2026-10-10", "2026-10-15");

describe("remindersDue", () => {
  it("says nothing before the reminder window", () => {
    expect(due("2026-10-01")).toEqual([]);
    expect(due("2026-10-06")).toEqual([]);
  });
  it("reminds in the days before the due date, and on it", () => {
    expect(due("2026-10-07")).toEqual(["due_soon"]);
    expect(due("2026-10-09")).toEqual(["due_soon"]);
    expect(due("2026-10-10")).toEqual(["due"]);
  });
  it("waits out the grace period, then chases, then escalates to the supervisor", () => {
    expect(due("2026-10-11")).toEqual([]);
    expect(due("2026-10-15")).toEqual([]);
    expect(due("2026-10-16")).toEqual(["overdue"]);
    expect(due("2026-10-19")).toEqual(["overdue"]);
    expect(due("2026-10-20")).toEqual(["overdue", "escalation"]);
    expect(due("2027-01-01")).toEqual(["overdue", "escalation"]);
  });
  it("crosses month and year ends in Taipei days", () => {
    expect(remindersDue("2026-12-29", "2027-01-01", "2027-01-06")).toEqual(["due_soon"]);
    expect(remindersDue("2027-01-11", "2027-01-01", "2027-01-06")).toEqual(["overdue", "escalation"]);
  });
});
