// GET /api/jobs/stats: jobs by status and records processed per day, for the jobs page charts.
import { requireRole } from "@/lib/auth/guards";
import { jobStats } from "@/lib/jobs/queries";
import { errorResponse, json } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const user = await requireRole("supervisor");
    return json(await jobStats({ user }));
  } catch (e) {
    return errorResponse(e);
  }
}
