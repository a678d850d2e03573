// What the home page shows, in shapes a client component can take (numbers and ISO strings).
// Client-safe: no server imports.
import type { JobRow } from "@/lib/jobs/query-options";

export type JobsInFlight = {
  /** the newest jobs still running or still being read into the database, at most `limit` */
  jobs: JobRow[];
  /** every such job in the caller's scope, and their records done of records sent */
  total: number;
  recordsDone: number;
  records: number;
};

export type MonthCost = {
  /** "2026-12" */
  month: string;
  totalUsd: number;
  /** cumulative cost at the end of each day of the month so far (index 0 is the 1st) */
  cumulativeUsd: number[];
};

export type CostThisMonth = {
  thisMonth: MonthCost;
  lastMonth: MonthCost;
  /** last month's cost up to the same day of the month as today, for a fair comparison */
  lastMonthToDateUsd: number;
  /** today's day of the month (1-31), UTC */
  dayOfMonth: number;
};

export type BatchInProgress = {
  id: string;
  name: string;
  modelName: string;
  createdAt: string;
  jobCount: number;
  jobsRunning: number;
  recordsDone: number;
  records: number;
};

export type LatestResult = { id: string; ok: boolean; callId: string | null; summary: string | null; sentiment: string | null; errorMessage: string | null };

export type LatestJobResults = {
  jobId: string;
  jobName: string;
  batchName: string;
  ingestedAt: string;
  successRecordCount: number | null;
  errorRecordCount: number | null;
  results: LatestResult[];
};

export type DayRange = { from: string; to: string };

export type SentimentDay = {
  /** yyyy-mm-dd (call date, UTC) */
  period: string;
  calls: number; positive: number; neutral: number; negative: number; mixed: number; unknown: number;
  /** the summaries of that day */
  href: string;
};

export type PeriodOverview = {
  period: DayRange;
  previous: DayRange;
  calls: number;
  previousCalls: number;
  callsHref: string;
  trend: SentimentDay[];
  /** growth against the previous period; `change` is null when the topic is new (nothing before) */
  rising: { topic: string; calls: number; previous: number; change: number | null; href: string }[];
};
