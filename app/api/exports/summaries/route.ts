// GET /api/exports/summaries?q=&agent=&team=&topic=&sentiment=&model=&from=&to=: the summaries matching
// the page's filters as CSV with the call's metadata, streamed a keyset page at a time,
// formula-injection safe. Managers and admins only.
import type { NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { csvStream, type CsvValue } from "@/lib/export/csv";
import { InsightSearchParams } from "@/lib/insights/filters";
import { exportSummaries, type ExportRow } from "@/lib/insights/list";
import { SummaryFields } from "@/lib/results/parse-summary";

export const dynamic = "force-dynamic";

const HEADER = [
  "call_id", "summary", "reason_for_call", "resolution", "sentiment", "action_items", "topics",
  "model", "batch", "input_tokens", "output_tokens", "created_at", "result_id",
  "call_start", "agent", "team", "duration_sec", "direction", "language", "customer_id", "cost_usd", "other_metadata",
];

function toCells(r: ExportRow): CsvValue[] {
  const parsed = r.fields ? SummaryFields.safeParse(r.fields) : null;
  const f = parsed?.success ? parsed.data : null;
  return [
    r.callId, r.summary, f?.reason_for_call, f?.resolution, r.sentiment, f?.action_items.join("; "), f?.topics.join("; "),
    r.modelName, r.batchName, r.inputTokens, r.outputTokens, r.createdAt, r.id,
    r.callStartAt, r.agent, r.team, r.durationSec, r.direction, r.language, r.customerId, r.costUsd,
    r.metadata && typeof r.metadata === "object" && Object.keys(r.metadata).length ? JSON.stringify(r.metadata) : null,
  ];
}

async function* rows(source: AsyncIterable<ExportRow>): AsyncIterable<CsvValue[]> {
  for await (const r of source) yield toCells(r);
}

export async function GET(req: NextRequest) {
  try {
    const user = await guardRoute(req, roleFor("results.export"));
    const { filter } = InsightSearchParams.parse(Object.fromEntries(req.nextUrl.searchParams));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(csvStream(HEADER, rows(exportSummaries({ user, filter }))), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="recap-summaries-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) {
      const status = e.code === "UNAUTHENTICATED" ? 401 : e.code === "FORBIDDEN" ? 403 : 400;
      return Response.json({ error: { code: e.code, message: e.message } }, { status });
    }
    console.error("[exports/summaries] failed", e);
    return Response.json({ error: { code: "INTERNAL", message: "The export failed. Try again." } }, { status: 500 });
  }
}
