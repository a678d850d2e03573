// GET /api/v1/jobs/:jobId: one job with its status history, counters and cost.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { answer, apiError } from "@/lib/api/http";
import { JobDetail } from "@/lib/api/schemas";
import { getJob } from "@/lib/jobs/queries";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const user = await guardRoute(req, roleFor("results.view"), { tokens: true });
    const job = await getJob({ user, jobId: (await params).jobId });
    if (!job) throw new AppError("NOT_FOUND", "That job does not exist or is not yours.");
    return answer(JobDetail, job);
  } catch (e) {
    return apiError(e);
  }
}
