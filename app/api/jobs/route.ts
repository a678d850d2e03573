// GET /api/jobs?status=&page=: one page of the caller's jobs, for the live jobs list.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { guardRoute } from "@/lib/auth/route-guard";
import { listJobs } from "@/lib/jobs/queries";
import { errorResponse, json } from "@/app/api/respond";

export const dynamic = "force-dynamic";

const Query = z.object({
  status: z.string().regex(/^[A-Za-z]{1,32}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function GET(req: NextRequest) {
  try {
    const user = await guardRoute(req, "supervisor");
    const q = Query.parse(Object.fromEntries(req.nextUrl.searchParams));
    return json(await listJobs({ user, status: q.status, page: q.page }));
  } catch (e) {
    return errorResponse(e);
  }
}
