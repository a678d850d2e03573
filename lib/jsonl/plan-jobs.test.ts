import { describe, expect, it } from "vitest";
import { DEFAULT_QUOTAS, planJobs, type Quotas } from "./plan-jobs";
import { PartAssigner, splitIntoParts } from "./split-parts";
import { collect } from "../../test/fixtures/streams";

const MB = 1_000_000;

describe("planJobs", () => {
  it("fits a dataset within one job when it can", () => {
    expect(planJobs(5000, 25 * MB)).toEqual({ ok: true, parts: [{ part: 1, records: 5000, approxBytes: 25 * MB }] });
  });

  it("splits by record count into balanced parts", () => {
    const plan = planJobs(50_001, 100 * MB);
    expect(plan.ok && plan.parts.map((p) => p.records)).toEqual([25_001, 25_000]);
  });

  it("splits by bytes, keeping headroom under the file size quota", () => {
    const plan = planJobs(40_000, 400 * MB);
    expect(plan.ok && plan.parts.map((p) => p.records)).toEqual([13_334, 13_333, 13_333]);
  });

  it("refuses a dataset below the minimum, saying how many more are needed", () => {
    expect(planJobs(105, MB)).toEqual({
      ok: false,
      error: {
        code: "QUOTA",
        message: "This dataset has 105 transcripts, but a batch job for this model needs at least 1,000. Add 895 more transcripts, or lower the model's minimum if AWS allows it for this model.",
      },
    });
    expect(planJobs(105, MB, { ...DEFAULT_QUOTAS, minRecordsPerJob: 100 }).ok).toBe(true);
    expect(planJobs(0, 0)).toMatchObject({ ok: false, error: { message: expect.stringContaining("no transcripts") } });
  });

  it("refuses when splitting by size would leave parts under the minimum", () => {
    const plan = planJobs(1500, 300 * MB);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error.message).toContain("needs 2 jobs to stay under 200.0 MB per file");
  });
});

describe("PartAssigner / splitIntoParts", () => {
  const quotas: Quotas = { minRecordsPerJob: 2, maxRecordsPerJob: 4, maxFileBytes: 100, maxJobBytes: 1000 };

  it("cuts at the record maximum without a known total", async () => {
    const lines = Array.from({ length: 9 }, (_, i) => `{"n":${i}}`);
    const parts = await collect(splitIntoParts(lines, quotas));
    expect(parts.map((p) => p.part)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3]);
  });

  it("balances parts when the total is known, so none falls under the minimum", () => {
    const a = new PartAssigner(quotas, { records: 9, bytes: 90 });
    const assigned = Array.from({ length: 9 }, () => a.assign(10));
    expect(assigned).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(a.parts).toEqual([{ part: 1, records: 3, bytes: 30 }, { part: 2, records: 3, bytes: 30 }, { part: 3, records: 3, bytes: 30 }]);
  });

  it("starts a new part before a line would overflow the file size", () => {
    const a = new PartAssigner(quotas);
    expect([60, 30, 20, 90, 5].map((b) => a.assign(b))).toEqual([1, 1, 2, 3, 3]);
  });
});
