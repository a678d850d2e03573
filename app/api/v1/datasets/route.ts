// POST /api/v1/datasets?fileName=: a transcript file streamed as the raw body, through the same
// pipeline as /api/uploads (size limit, X-Recap-Size and X-Recap-Sha256 checked). Outside the proxy.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { answer, apiError } from "@/lib/api/http";
import { DatasetUploaded, receiveDatasetUpload } from "@/lib/datasets/upload-request";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  try {
    const user = await guardRoute(req, roleFor("uploads.create"), { tokens: true });
    return answer(DatasetUploaded, await receiveDatasetUpload(req, user), 201);
  } catch (e) {
    // QUOTA from receiveUpload: the body is larger than the upload limit
    return apiError(e, { QUOTA: 413 });
  }
}
