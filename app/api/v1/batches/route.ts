// GET /api/v1/batches?limit=&cursor=: the caller's batches, newest first, in keyset pages.
// POST /api/v1/batches: create a batch (the prepare form's schema); the tracker submits its jobs.
import crypto from "node:crypto";
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { answer, apiError, parseBody, parseQuery } from "@/lib/api/http";
import { BatchCreated, BatchPage, CreateBatchBody, ListQuery } from "@/lib/api/schemas";
import { listBatches } from "@/lib/api/batches";
import { db } from "@/lib/db";
import { createBatch } from "@/lib/jobs/submit";
import { storageTarget } from "@/lib/storage/settings";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("results.view"), { tokens: true });
    const q = parseQuery(req, ListQuery);
    return answer(BatchPage, await listBatches({ user, limit: q.limit, cursor: q.cursor }));
  } catch (e) {
    return apiError(e);
  }
}

export async function POST(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("batches.submit"), { tokens: true });
    const body = await parseBody(req, CreateBatchBody);
    const prisma = await db();
    const created = await createBatch({ prisma, storage: await storageTarget(prisma), user, ...body, requestKey: body.requestKey ?? crypto.randomUUID() });
    return answer(BatchCreated, created, 201);
  } catch (e) {
    return apiError(e);
  }
}
