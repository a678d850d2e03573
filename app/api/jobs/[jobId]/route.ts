// GET /api/jobs/:jobId: one job with its status history and counters, polled by the job page.
import { guardRoute } from "@/lib/auth/route-guard";
import { getJob } from "@/lib/jobs/queries";
import { errorResponse, json, notFound } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const user = await guardRoute(req, "supervisor");
    const job = await getJob({ user, jobId: (await params).jobId });
    return job ? json(job) : notFound("That job does not exist or is not yours.");
  } catch (e) {
    return errorResponse(e);
  }
}
