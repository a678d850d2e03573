// How a dataset is cut into Bedrock batch jobs, or why it cannot run. Quotas are per-model
// settings (AWS changes them), so they come in as a value, never as constants in the code.

export type Quotas = {
  minRecordsPerJob: number;
  maxRecordsPerJob: number;
  maxFileBytes: number;
  maxJobBytes: number;
};

/** Bedrock's launch defaults: 1,000..50,000 records per job, 200 MB per file, 1 GB per job. */
// Decimal megabytes: if AWS means MiB we lose 5% of a file; the other way round, jobs fail.
export const DEFAULT_QUOTAS: Quotas = {
  minRecordsPerJob: 1000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 200_000_000,
  maxJobBytes: 1_000_000_000,
};

export type JobPart = { part: number; records: number; approxBytes: number };
export type JobPlan = { ok: true; parts: JobPart[] } | { ok: false; error: { code: "QUOTA"; message: string } };

// Parts are planned from the average line size; real lines vary, so leave headroom below the
// byte limit rather than have the splitter open an extra, possibly too small, part.
const BYTE_HEADROOM = 0.9;

/** Bytes one part (one file, one job) may hold. */
export function partByteLimit(q: Quotas): number {
  return Math.min(q.maxFileBytes, q.maxJobBytes);
}

const fmt = (n: number) => n.toLocaleString("en-US");
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** Splits `recordCount` records of `totalBytes` into balanced job parts within the quotas. */
export function planJobs(recordCount: number, totalBytes: number, quotas: Quotas = DEFAULT_QUOTAS): JobPlan {
  const fail = (message: string): JobPlan => ({ ok: false, error: { code: "QUOTA", message } });
  const { minRecordsPerJob: min, maxRecordsPerJob: max } = quotas;
  if (recordCount === 0) return fail("There are no transcripts to submit. Upload a file with at least one valid transcript.");
  if (recordCount < min) {
    return fail(
      `This dataset has ${fmt(recordCount)} transcripts, but a batch job for this model needs at least ${fmt(min)}. ` +
        `Add ${fmt(min - recordCount)} more transcripts, or lower the model's minimum if AWS allows it for this model.`,
    );
  }
  const limit = partByteLimit(quotas);
  const avg = totalBytes / recordCount;
  if (avg > limit) return fail(`Transcripts average ${mb(avg)} each, above the ${mb(limit)} a job file may hold. Shorten them.`);
  const byRecords = Math.ceil(recordCount / max);
  const byBytes = Math.ceil(totalBytes / (limit * BYTE_HEADROOM));
  const count = Math.max(1, byRecords, byBytes);
  const base = Math.floor(recordCount / count);
  if (base < min) {
    return fail(
      `This dataset (${fmt(recordCount)} transcripts, ${mb(totalBytes)}) needs ${count} jobs to stay under ${mb(limit)} per file, ` +
        `but then each job has fewer than the minimum of ${fmt(min)} records. Shorten the transcripts, add more, or raise the file size quota if AWS allows it.`,
    );
  }
  const extra = recordCount % count;
  const parts = Array.from({ length: count }, (_, k) => {
    const records = base + (k < extra ? 1 : 0);
    return { part: k + 1, records, approxBytes: Math.round(records * avg) };
  });
  return { ok: true, parts };
}
