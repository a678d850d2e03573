// GET /api/v1/jobs?status=&page=: the caller's Bedrock jobs, newest first.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { answer, apiError, parseQuery } from "@/lib/api/http";
import { JobsPage, JobsQuery } from "@/lib/api/schemas";
import { listJobs } from "@/lib/jobs/queries";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("results.view"), { tokens: true });
    const q = parseQuery(req, JobsQuery);
    return answer(JobsPage, await listJobs({ user, status: q.status, page: q.page }));
  } catch (e) {
    return apiError(e);
  }
}
