// GET /api/exports/summaries?q=&sentiment=&model=&from=&to=: the summaries matching the page's
// filters as CSV, streamed page by page, formula-injection safe. Managers and admins only.
import type { NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { csvStream, type CsvValue } from "@/lib/export/csv";
import { InsightSearchParams } from "@/lib/insights/filters";
import { exportSummaries, type ExportRow } from "@/lib/insights/list";
import { SUMMARY_CSV_HEADER, summaryCsvCells } from "@/lib/export/summaries-csv";

export const dynamic = "force-dynamic";

async function* rows(source: AsyncIterable<ExportRow>): AsyncIterable<CsvValue[]> {
  for await (const r of source) yield summaryCsvCells(r);
}

export async function GET(req: NextRequest) {
  try {
    const user = await guardRoute(req, roleFor("results.export"));
    const { filter } = InsightSearchParams.parse(Object.fromEntries(req.nextUrl.searchParams));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(csvStream(SUMMARY_CSV_HEADER, rows(exportSummaries({ user, filter }))), {
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
