// Two admins demoting (or disabling) each other at the same moment must leave one admin: the
// check and the update run in one transaction that locks the admin rows. On PostgreSQL the two
// calls run on separate connections, so the race is real; PGlite has one connection and is here
// for parity.
import { afterAll, describe, expect, it } from "vitest";
import { type TestDb, databaseTargets } from "@/test/db";
import { setDbForTests } from "@/lib/db";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/guards";
import { changeRole, setDisabled } from "./users";

const targets = await databaseTargets("last-admin.test");

describe.each(targets)("the last admin on %s", (_name, createDb) => {
  let t: TestDb;
  afterAll(async () => t?.close());

  async function twoAdmins(round: number): Promise<[SessionUser, SessionUser]> {
    await t.prisma.user.updateMany({ where: { role: "admin" }, data: { role: "supervisor" } });
    const make = async (n: string) => {
      const u = await t.prisma.$transaction((tx) => createAccount(tx, { email: `${n}-${round}@recap.test`, name: n, role: "admin" }));
      return { id: u.id, email: u.email, name: n, role: "admin" as const };
    };
    return [await make("a"), await make("b")];
  }

  it("survives two admins demoting each other at once, round after round", async () => {
    t = await createDb();
    setDbForTests(t.prisma);
    for (let round = 0; round < 8; round++) {
      const [a, b] = await twoAdmins(round);
      const outcomes = await Promise.allSettled([
        changeRole({ input: { userId: b.id, role: "manager" }, actor: a }),
        changeRole({ input: { userId: a.id, role: "manager" }, actor: b }),
      ]);
      expect(await t.prisma.user.count({ where: { role: "admin", disabled: false } })).toBe(1);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last admin") });
    }
  });

  it("survives a demotion racing a disable", async () => {
    for (let round = 10; round < 16; round++) {
      const [a, b] = await twoAdmins(round);
      await Promise.allSettled([
        changeRole({ input: { userId: b.id, role: "supervisor" }, actor: a }),
        setDisabled({ input: { userId: a.id, disabled: true }, actor: b }),
      ]);
      expect(await t.prisma.user.count({ where: { role: "admin", disabled: false } })).toBe(1);
    }
  });
});
