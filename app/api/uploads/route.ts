// POST /api/uploads: a transcript file streamed as the raw body (not a server action, and outside
// any proxy matcher: both would cut a 200 MB body). Answers the dataset and its validation report.
import { NextResponse, type NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { errorResponse } from "@/app/api/respond";
import { receiveDatasetUpload } from "@/lib/datasets/upload-request";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  try {
    const user = await guardRoute(req, roleFor("uploads.create"));
    return NextResponse.json(await receiveDatasetUpload(req, user), { status: 201 });
  } catch (e) {
    // A file, header or parameter the route cannot take is a bad request (400); too large is 413.
    return errorResponse(e, { QUOTA: 413, VALIDATION: 400 });
  }
}
