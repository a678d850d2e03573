// Job data that changes while a page is open: the shapes the /api/jobs routes answer (BigInt
// token counts already turned into numbers, dates into ISO strings), one query-key factory, and
// the queryOptions every client component uses. Client-safe: no server imports.
import { queryOptions } from "@tanstack/react-query";
import { isIngestible, isTerminal } from "@/lib/bedrock/statuses";

export type JobRow = {
  id: string;
  batchId: string;
  batchName: string;
  part: number;
  jobName: string;
  jobArn: string | null;
  status: string;
  message: string | null;
  stopRequested: boolean;
  recordCount: number;
  totalRecordCount: number | null;
  processedRecordCount: number | null;
  successRecordCount: number | null;
  errorRecordCount: number | null;
  inputTokenCount: number | null;
  outputTokenCount: number | null;
  modelName: string;
  createdAt: string;
  submitTime: string | null;
  endTime: string | null;
  ingestedAt: string | null;
};

export type JobEventRow = { id: string; status: string; message: string | null; at: string };

export type JobDetail = JobRow & {
  events: JobEventRow[];
  /** tokens × the model's batch prices (on-demand prices for an on-demand run); null until the manifest has token counts */
  costUsd: number | null;
  templateLabel: string;
  createdBy: string;
  createdById: string;
  datasetId: string;
  /** run call by call through InvokeModel (lib/ondemand), not as a Bedrock batch job */
  onDemand: boolean;
  /** the job options CreateModelInvocationJob got (Recap's own tags are added on top) */
  timeoutHours: number | null;
  tags: { key: string; value: string }[];
  createdByEmail: string;
};

export type BatchView = {
  id: string;
  name: string;
  status: string;
  message: string | null;
  recordCount: number;
  estCostUsd: number;
  modelName: string;
  templateLabel: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  jobs: JobRow[];
  /** set when the batch is one arm of a comparison */
  comparison?: { id: string; name: string; arm: string } | null;
  /** run call by call through InvokeModel (lib/ondemand), not as Bedrock batch jobs */
  onDemand: boolean;
};

export type JobsPage = { jobs: JobRow[]; total: number; page: number; pageCount: number; status?: string };

export type JobStats = {
  byStatus: { status: string; count: number }[];
  /** records processed by jobs that ended on each day (UTC, yyyy-mm-dd) */
  processedByDay: { day: string; records: number }[];
  /** what those jobs cost at the models' batch prices, from their manifests' token counts (USD) */
  costByDay: { day: string; costUsd: number }[];
};

/** A job needs no more polling once Bedrock is done with it and its results are in. */
export function isSettled(job: Pick<JobRow, "status" | "ingestedAt">): boolean {
  return isTerminal(job.status) && (!isIngestible(job.status) || job.ingestedAt !== null);
}

export const POLL_MS = 2_000;
/** The list also shows other people's new jobs, so it keeps a slow poll when nothing is running. */
export const IDLE_LIST_POLL_MS = 30_000;

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (filter: { status?: string; page: number }) => [...jobKeys.lists(), filter] as const,
  stats: () => [...jobKeys.all, "stats"] as const,
  detail: (jobId: string) => [...jobKeys.all, "detail", jobId] as const,
  batch: (batchId: string) => [...jobKeys.all, "batch", batchId] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Request failed (${res.status}).`);
  }
  return (await res.json()) as T;
}

export function jobDetailOptions(jobId: string, initialData?: JobDetail) {
  return queryOptions({
    queryKey: jobKeys.detail(jobId),
    queryFn: () => getJson<JobDetail>(`/api/jobs/${encodeURIComponent(jobId)}`),
    initialData,
    refetchInterval: (q) => (q.state.data && isSettled(q.state.data) ? false : POLL_MS),
  });
}

export function batchJobsOptions(batchId: string, initialData?: BatchView) {
  return queryOptions({
    queryKey: jobKeys.batch(batchId),
    queryFn: () => getJson<BatchView>(`/api/jobs/batches/${encodeURIComponent(batchId)}`),
    initialData,
    refetchInterval: (q) => {
      const b = q.state.data;
      if (!b) return POLL_MS;
      const done = b.status === "failed" || (b.jobs.length > 0 && b.jobs.every(isSettled));
      return done ? false : POLL_MS;
    },
  });
}

export function jobsListOptions(filter: { status?: string; page: number }, initialData?: JobsPage) {
  const q = new URLSearchParams({ page: String(filter.page) });
  if (filter.status) q.set("status", filter.status);
  return queryOptions({
    queryKey: jobKeys.list(filter),
    queryFn: () => getJson<JobsPage>(`/api/jobs?${q}`),
    initialData,
    refetchInterval: (query) => (query.state.data?.jobs.some((j) => !isSettled(j)) ? POLL_MS : IDLE_LIST_POLL_MS),
  });
}

export function jobStatsOptions(initialData?: JobStats) {
  return queryOptions({
    queryKey: jobKeys.stats(),
    queryFn: () => getJson<JobStats>("/api/jobs/stats"),
    initialData,
    refetchInterval: (query) => {
      const active = query.state.data?.byStatus.some((s) => !isTerminal(s.status) && s.count > 0);
      return active ? POLL_MS * 2 : IDLE_LIST_POLL_MS;
    },
  });
}
