// findSameUpload: "you uploaded this before", for the caller's own datasets only, and only signed in.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import { findSameUpload } from "./actions";

const SHA = "ab".repeat(32);
let t: TestDb;
let supervisor: SessionUser;
let manager: SessionUser;
let datasetId: string;

beforeAll(async () => {
  t = await authTestDb();
  supervisor = await seedUser(t, "supervisor");
  manager = await seedUser(t, "manager");
  const d = await t.prisma.dataset.create({ data: { name: "October calls", fileName: "oct.csv", format: "csv", sizeBytes: 10n, sha256: SHA, createdById: supervisor.id } });
  datasetId = d.id;
});
afterAll(async () => t.close());

describe("findSameUpload", () => {
  it("refuses a signed-out caller", async () => {
    await actAs(null);
    expect(await findSameUpload({ sha256: SHA })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("answers the caller's own earlier dataset with that SHA-256, in any case of hex", async () => {
    await actAs(supervisor);
    expect(await findSameUpload({ sha256: SHA.toUpperCase() })).toMatchObject({ ok: true, data: { id: datasetId, name: "October calls", fileName: "oct.csv" } });
    expect(await findSameUpload({ sha256: "cd".repeat(32) })).toEqual({ ok: true, data: null });
  });

  it("tells no one about another user's file, not even a manager who may see it", async () => {
    await actAs(manager);
    expect(await findSameUpload({ sha256: SHA })).toEqual({ ok: true, data: null });
  });

  it("says what a SHA-256 looks like when given something else", async () => {
    await actAs(supervisor);
    expect(await findSameUpload({ sha256: "not-a-hash" })).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Give the file's SHA-256 as 64 hex digits." } });
  });
});
