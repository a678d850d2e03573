// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the routes' zod schemas.
import { guardRoute } from "@/lib/auth/route-guard";
import { config } from "@/lib/config";
import { apiError } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await guardRoute(req, "public", { tokens: true });
    return Response.json(openApiDocument({ serverUrl: config().publicUrl }), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return apiError(e);
  }
}
