// GET /api/v1/batches/:batchId: a batch, its jobs, and whether it is settled (poll until it is).
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { answer, apiError } from "@/lib/api/http";
import { Batch } from "@/lib/api/schemas";
import { getBatchStatus } from "@/lib/api/batches";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ batchId: string }> }) {
  try {
    const user = await guardRoute(req, roleFor("results.view"), { tokens: true });
    const batch = await getBatchStatus({ user, batchId: (await params).batchId });
    if (!batch) throw new AppError("NOT_FOUND", "That batch does not exist or is not yours.");
    return answer(Batch, batch);
  } catch (e) {
    return apiError(e);
  }
}
