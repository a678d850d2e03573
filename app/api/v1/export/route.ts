// GET /api/v1/export?q=&sentiment=&batchId=&jobId=: the matching summaries as CSV, streamed a
// keyset page at a time, formula-injection safe (lib/export). Managers and admins only.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { apiError, parseQuery } from "@/lib/api/http";
import { ResultFiltersQuery } from "@/lib/api/schemas";
import { exportResults } from "@/lib/api/results";
import { csvStream, type CsvValue } from "@/lib/export/csv";
import { SUMMARY_CSV_HEADER, summaryCsvCells, type SummaryCsvRow } from "@/lib/export/summaries-csv";

export const dynamic = "force-dynamic";

async function* cells(rows: AsyncIterable<SummaryCsvRow>): AsyncIterable<CsvValue[]> {
  for await (const r of rows) yield summaryCsvCells(r);
}

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("results.export"), { tokens: true });
    const filters = parseQuery(req, ResultFiltersQuery);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(csvStream(SUMMARY_CSV_HEADER, cells(exportResults({ user, filters }))), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="recap-summaries-${stamp}.csv"`, "cache-control": "no-store" },
    });
  } catch (e) {
    return apiError(e);
  }
}
