// The columns of a summaries CSV, shared by the page's export and GET /api/v1/export.
import type { CsvValue } from "./csv";
import { SummaryFields } from "@/lib/results/parse-summary";

export const SUMMARY_CSV_HEADER = [
  "call_id", "summary", "reason_for_call", "resolution", "sentiment", "action_items", "topics",
  "model", "batch", "input_tokens", "output_tokens", "created_at", "result_id",
  "call_start", "agent", "team", "duration_sec", "direction", "language", "customer_id", "cost_usd", "other_metadata",
];

export type SummaryCsvRow = {
  id: string; callId: string | null; summary: string | null; sentiment: string | null; fields: unknown; modelName: string | null;
  batchName: string; inputTokens: number | null; outputTokens: number | null; createdAt: Date;
  // the call's fields, when the query reads them (lib/insights/list.ts)
  callStartAt?: Date | null; agent?: string | null; team?: string | null; durationSec?: number | null; direction?: string | null;
  language?: string | null; customerId?: string | null; costUsd?: number | null; metadata?: unknown;
};

/** One row's cells; lib/export/csv neutralises formulas when they are written. */
export function summaryCsvCells(r: SummaryCsvRow): CsvValue[] {
  const parsed = r.fields ? SummaryFields.safeParse(r.fields) : null;
  const f = parsed?.success ? parsed.data : null;
  return [
    r.callId, r.summary, f?.reason_for_call, f?.resolution, r.sentiment, f?.action_items.join("; "), f?.topics.join("; "),
    r.modelName, r.batchName, r.inputTokens, r.outputTokens, r.createdAt, r.id,
    r.callStartAt, r.agent, r.team, r.durationSec, r.direction, r.language, r.customerId, r.costUsd,
    r.metadata && typeof r.metadata === "object" && Object.keys(r.metadata).length ? JSON.stringify(r.metadata) : null,
  ];
}
