// The action wrapper refuses a NUL byte in any string input by name, before the action runs
// (PostgreSQL text cannot hold it: it used to surface as a 500 from the database).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import { z } from "zod";
import type { TestDb } from "@/test/db";
import { action } from "@/lib/action";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import { completeSetup } from "@/app/(auth)/setup/actions";

let t: TestDb;
beforeAll(async () => {
  t = await authTestDb();
});
afterAll(async () => t.close());

describe("NUL in server action input", () => {
  const ran: unknown[] = [];
  const rename = action({ role: "supervisor" })
    .schema(z.object({ name: z.string().max(100), tags: z.array(z.string()).optional() }))
    .action(async ({ input }) => {
      ran.push(input);
      return input.name;
    });

  it("is refused with VALIDATION naming the field, and the action does not run", async () => {
    await actAs(await seedUser(t, "supervisor"));
    const form = new FormData();
    form.set("name", "October\0calls");
    for (const input of [{ name: "October\0calls" }, form]) {
      const result = await rename(input);
      expect(result).toEqual({
        ok: false,
        error: { code: "VALIDATION", field: "name", message: expect.stringMatching(/The field "name" contains a NUL character/), fields: { name: expect.any(String) } },
      });
    }
    expect(await rename({ name: "ok", tags: ["a", "\0"] })).toMatchObject({ ok: false, error: { field: "tags.1" } });
    expect(ran).toEqual([]);
    expect(await rename({ name: "October calls" })).toEqual({ ok: true, data: "October calls" });
  });

  it("is refused by the setup action too, which has no session to check", async () => {
    const result = await completeSetup({ name: "Ada\0", email: "ada@recap.test", password: "long enough password" });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "name" } });
  });
});
