// The retention sweep's lease on both databases: of several instances asking at once, one gets it;
// nobody gets it again until the day has passed or a holder's lease has expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { claimLease } from "./sweep";

const targets = await databaseTargets("lease.test");
const DAY = 86_400_000;

describe.each(targets)("the sweep lease on %s", (_name, createDb) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createDb();
  });
  afterAll(async () => t?.close());

  it("goes to exactly one of eight instances asking at once", async () => {
    const got = await Promise.all(Array.from({ length: 8 }, (_, i) => claimLease(t.prisma, { name: "sweep-a", owner: `i${i}`, everyMs: DAY })));
    expect(got.filter(Boolean)).toHaveLength(1);
    const row = await t.prisma.lease.findUniqueOrThrow({ where: { name: "sweep-a" } });
    expect(row.owner).toBe(`i${got.indexOf(true)}`);
  });

  it("is free again when its holder's lease expires (the holder died), not before", async () => {
    const now = new Date();
    expect(await claimLease(t.prisma, { name: "sweep-b", owner: "dead", everyMs: DAY, leaseMs: 1000, now })).toBe(true);
    expect(await claimLease(t.prisma, { name: "sweep-b", owner: "other", everyMs: DAY, now: new Date(now.getTime() + 500) })).toBe(false);
    expect(await claimLease(t.prisma, { name: "sweep-b", owner: "other", everyMs: DAY, now: new Date(now.getTime() + 1500) })).toBe(true);
  });

  it("is not due again until a day after the last run", async () => {
    const ran = new Date();
    await t.prisma.lease.create({ data: { name: "sweep-c", lastRunAt: ran } });
    expect(await claimLease(t.prisma, { name: "sweep-c", owner: "x", everyMs: DAY, now: new Date(ran.getTime() + DAY - 1000) })).toBe(false);
    expect(await claimLease(t.prisma, { name: "sweep-c", owner: "x", everyMs: DAY, now: new Date(ran.getTime() + DAY) })).toBe(true);
  });
});
