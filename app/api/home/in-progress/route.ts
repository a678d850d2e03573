// GET /api/home/in-progress: the caller's jobs in flight and batches in progress, for the live home page.
import { guardRoute } from "@/lib/auth/route-guard";
import { batchesInProgress, jobsInFlight } from "@/lib/home/jobs";
import { errorResponse, json } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, "supervisor");
    const [jobs, batches] = await Promise.all([jobsInFlight({ user }), batchesInProgress({ user })]);
    return json({ jobs, batches });
  } catch (e) {
    return errorResponse(e);
  }
}
