// GET /api/jobs/batches/:batchId: a batch and its job parts, polled by the batch page.
import { guardRoute } from "@/lib/auth/route-guard";
import { getBatch } from "@/lib/jobs/queries";
import { errorResponse, json, notFound } from "@/app/api/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ batchId: string }> }) {
  try {
    const user = await guardRoute(req, "supervisor");
    const batch = await getBatch({ user, batchId: (await params).batchId });
    return batch ? json(batch) : notFound("That batch does not exist or is not yours.");
  } catch (e) {
    return errorResponse(e);
  }
}
