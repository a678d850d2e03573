// The manager's "this period" on top of lib/insights: the two 30-day windows, links that open the
// matching summaries, and the caller's scope. Rollup rows are written directly here (ingestion
// keeping them is lib/insights' own test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseTargets, type TestDb } from "@/test/db";
import { periodOverview } from "./insights";

const sup = { id: "u-sup", role: "supervisor" as const };
const other = { id: "u-other", role: "supervisor" as const };
const mgr = { id: "u-mgr", role: "manager" as const };
// this period: 2026-11-16 .. 2026-12-15; the one before: 2026-10-17 .. 2026-11-15
const NOW = new Date("2026-12-15T18:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe.each(await databaseTargets("home insights"))("home insights on %s", (_name, open) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await open();
    const days: [string, string, number, Partial<Record<"positive" | "neutral" | "negative" | "mixed", number>>][] = [
      [sup.id, "2026-12-01", 10, { positive: 6, negative: 4 }],
      [sup.id, "2026-11-16", 5, { neutral: 5 }],
      [sup.id, "2026-11-15", 7, { neutral: 7 }],
      [sup.id, "2026-10-16", 100, { neutral: 100 }],
      [other.id, "2026-12-10", 50, { negative: 50 }],
    ];
    await t.prisma.rollupDay.createMany({
      data: days.map(([ownerId, d, calls, s]) => ({ day: day(d), ownerId, modelConfigId: "m1", team: "Billing", calls, ...s })),
    });
    const topics: [string, string, string, number][] = [
      [sup.id, "2026-12-01", "refund", 8], [sup.id, "2026-11-10", "refund", 2],
      [sup.id, "2026-12-01", "router", 1], [sup.id, "2026-11-01", "router", 5],
      [sup.id, "2026-11-20", "outage", 3],
      [other.id, "2026-12-10", "refund", 40],
    ];
    await t.prisma.rollupTopicDay.createMany({ data: topics.map(([ownerId, d, topic, calls]) => ({ day: day(d), ownerId, topic, calls })) });
  });
  afterAll(() => t?.close());

  it("counts this period's calls against the 30 days before, with the link to them", async () => {
    const o = await periodOverview({ user: sup, now: NOW, prisma: t.prisma });
    expect(o.period).toEqual({ from: "2026-11-16", to: "2026-12-15" });
    expect(o.previous).toEqual({ from: "2026-10-17", to: "2026-11-15" });
    expect(o).toMatchObject({ calls: 15, previousCalls: 7, callsHref: "/summaries?from=2026-11-16&to=2026-12-15" });
  });

  it("gives the sentiment per call day, each day opening its own summaries", async () => {
    const o = await periodOverview({ user: sup, now: NOW, prisma: t.prisma });
    expect(o.trend).toEqual([
      { period: "2026-11-16", calls: 5, positive: 0, neutral: 5, negative: 0, mixed: 0, unknown: 0, href: "/summaries?from=2026-11-16&to=2026-11-16" },
      { period: "2026-12-01", calls: 10, positive: 6, neutral: 0, negative: 4, mixed: 0, unknown: 0, href: "/summaries?from=2026-12-01&to=2026-12-01" },
    ]);
  });

  it("lists rising topics (a new one without a percentage), not falling ones, each opening its summaries", async () => {
    const o = await periodOverview({ user: sup, now: NOW, prisma: t.prisma });
    expect(o.rising).toEqual([
      { topic: "refund", calls: 8, previous: 2, change: 3, href: "/summaries?topic=refund&from=2026-11-16&to=2026-12-15" },
      { topic: "outage", calls: 3, previous: 0, change: null, href: "/summaries?topic=outage&from=2026-11-16&to=2026-12-15" },
    ]);
  });

  it("keeps a supervisor to their own calls; a manager sees everyone's", async () => {
    const theirs = await periodOverview({ user: other, now: NOW, prisma: t.prisma });
    expect(theirs).toMatchObject({ calls: 50, previousCalls: 0 });
    expect(theirs.rising.map((r) => [r.topic, r.calls])).toEqual([["refund", 40]]);
    const all = await periodOverview({ user: mgr, now: NOW, prisma: t.prisma });
    expect(all).toMatchObject({ calls: 65, previousCalls: 7 });
    expect(all.rising[0]).toMatchObject({ topic: "refund", calls: 48 });
  });
});
