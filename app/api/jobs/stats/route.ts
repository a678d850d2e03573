// GET /api/jobs/stats: jobs by status and records processed per day, for the jobs page charts.
import { guardRoute } from "@/lib/auth/route-guard";
import { jobStats } from "@/lib/jobs/queries";
import { errorResponse, json } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, "supervisor");
    return json(await jobStats({ user }));
  } catch (e) {
    return errorResponse(e);
  }
}
