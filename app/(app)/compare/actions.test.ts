// startComparison: the session and role first, then the form's own errors, by field, before anything is written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/auth/testing/next-headers-mock"));
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

import type { TestDb } from "@/test/db";
import type { SessionUser } from "@/lib/auth/guards";
import { actAs, authTestDb, seedUser } from "@/lib/auth/testing/sessions";
import { startComparison } from "./actions";

let t: TestDb;
let owner: SessionUser;
let other: SessionUser;
let form: Record<string, unknown>;

beforeAll(async () => {
  t = await authTestDb();
  owner = await seedUser(t, "supervisor");
  other = await seedUser(t, "supervisor");
  const dataset = await t.prisma.dataset.create({ data: { name: "October calls", fileName: "oct.csv", format: "csv", sizeBytes: 10n, sha256: "ab".repeat(32), createdById: owner.id, recordCount: 3 } });
  const model = await t.prisma.modelConfig.create({ data: { modelId: "amazon.nova-lite-v1:0", name: "Nova Lite", family: "nova", inputPricePerMTok: 0.03, outputPricePerMTok: 0.12, minRecordsPerJob: 100 } });
  const template = await t.prisma.promptTemplate.create({ data: { name: "t", versions: { create: [{ version: 1, body: "{{transcript}}" }, { version: 2, body: "Briefly: {{transcript}}" }] } }, include: { versions: { orderBy: { version: "asc" } } } });
  form = {
    datasetId: dataset.id, sample: "all", requestKey: crypto.randomUUID(),
    A: { modelConfigId: model.id, templateVersionId: template.versions[0].id },
    B: { modelConfigId: model.id, templateVersionId: template.versions[1].id },
  };
});
afterAll(async () => t.close());

describe("startComparison", () => {
  it("refuses a signed-out caller", async () => {
    await actAs(null);
    expect(await startComparison(form)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("names the field: identical arms, a missing sample size, a NUL in the name", async () => {
    await actAs(owner);
    expect(await startComparison({ ...form, B: form.A })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "B.modelConfigId", message: expect.stringContaining("Both arms use the same model and template version") } });
    expect(await startComparison({ ...form, sample: "sample" })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "sampleSize", message: "Enter how many calls to sample." } });
    expect(await startComparison({ ...form, sample: "sample", sampleSize: "2.5" })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "sampleSize", message: "Enter a whole number of calls." } });
    expect(await startComparison({ ...form, name: "a\u0000b" })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "name" } });
  });

  it("refuses a dataset below the model's minimum records per job, saying what the minimum is", async () => {
    await actAs(owner);
    expect(await startComparison(form)).toEqual({
      ok: false,
      error: { code: "QUOTA", field: "sampleSize", message: "3 calls are below Nova Lite's minimum of 100 records per batch job (arm A). Sample at least 100 calls, or choose another model." },
    });
    expect(await t.prisma.comparison.count()).toBe(0);
  });

  it("another supervisor's dataset is not found", async () => {
    await actAs(other);
    expect(await startComparison(form)).toMatchObject({ ok: false, error: { code: "NOT_FOUND", field: "datasetId" } });
  });
});
