// POST /api/uploads: a transcript file streamed as the raw body (not a server action, and outside
// any proxy matcher: both would cut a 200 MB body). Answers the dataset and its validation report.
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { requireRole } from "@/lib/auth/guards";
import { roleFor } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/app/api/respond";
import { ingestUpload } from "@/lib/datasets/ingest";
import { receiveUpload } from "@/lib/datasets/receive-upload";
import { storageTarget } from "@/lib/storage/settings";
import { audit } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

const Query = z.object({
  fileName: z.string().trim().min(1, "fileName is required").max(255),
  name: z.string().trim().max(200).optional(),
  idColumn: z.string().max(200).optional(),
  textColumn: z.string().max(200).optional(),
  grouping: z.enum(["calls", "turns"], { message: 'grouping is "calls" or "turns"' }).optional(),
  swapRoles: z.enum(["1", "0"]).optional(),
});


export async function POST(req: NextRequest) {
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const user = await requireRole(roleFor("uploads.create"));
    const query = Query.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!query.success) throw new AppError("VALIDATION", query.error.issues[0].message);
    if (!req.body) throw new AppError("VALIDATION", "The request has no file in its body.");
    const sizeHeader = req.headers.get("x-recap-size");
    const received = await receiveUpload({
      body: req.body,
      dir: path.join(config().dataDir, "uploads"),
      maxBytes: config().maxUploadBytes,
      expectedSize: sizeHeader ? Number(sizeHeader) : undefined,
      expectedSha256: req.headers.get("x-recap-sha256") ?? undefined,
    });
    cleanup = received.cleanup;
    const prisma = await db();
    const result = await ingestUpload({
      prisma,
      storage: await storageTarget(prisma),
      filePath: received.path,
      fileName: query.data.fileName,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      userId: user.id,
      name: query.data.name,
      idColumn: query.data.idColumn || undefined,
      textColumn: query.data.textColumn || undefined,
      grouping: query.data.grouping,
      swapRoles: query.data.swapRoles === "1",
    });
    await audit({ actor: user, action: "dataset.upload", targetType: "Dataset", targetId: result.datasetId, after: { fileName: query.data.fileName, sizeBytes: received.sizeBytes, accepted: result.accepted, problems: result.report.problemCount } });
    return NextResponse.json(
      {
        datasetId: result.datasetId,
        accepted: result.accepted,
        problemCount: result.report.problemCount,
        problems: result.report.problems.slice(0, 200),
        notes: { format: result.report.format, encoding: result.report.encoding, columns: result.report.columns },
        sha256: received.sha256,
        sizeBytes: received.sizeBytes,
      },
      { status: 201 },
    );
  } catch (e) {
    return errorResponse(e, { QUOTA: 413 });
  } finally {
    await cleanup?.();
  }
}
