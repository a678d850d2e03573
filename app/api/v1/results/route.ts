// GET /api/v1/results?q=&sentiment=&batchId=&jobId=&limit=&cursor=: summaries in keyset pages.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { answer, apiError, parseQuery } from "@/lib/api/http";
import { ResultPage, ResultsQuery } from "@/lib/api/schemas";
import { listResults } from "@/lib/api/results";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("results.view"), { tokens: true });
    const { limit, cursor, ...filters } = parseQuery(req, ResultsQuery);
    return answer(ResultPage, await listResults({ user, filters, limit, cursor }));
  } catch (e) {
    return apiError(e);
  }
}
