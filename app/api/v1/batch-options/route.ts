// GET /api/v1/batch-options: the models, template versions and service roles a new batch may name.
import { guardRoute } from "@/lib/auth/route-guard";
import { roleFor } from "@/lib/auth/permissions";
import { answer, apiError } from "@/lib/api/http";
import { BatchOptions } from "@/lib/api/schemas";
import { prepareChoices } from "@/lib/datasets/queries";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    await guardRoute(req, roleFor("batches.submit"), { tokens: true });
    const c = await prepareChoices();
    return answer(BatchOptions, {
      models: c.models.map((m) => ({ id: m.id, name: m.name, modelId: m.modelId, minRecordsPerJob: m.minRecordsPerJob, maxRecordsPerJob: m.maxRecordsPerJob })),
      templates: c.templates.map((t) => ({ versionId: t.versionId, name: t.name, version: t.version })),
      serviceRoles: c.serviceRoles.map((r) => ({ id: r.id, name: r.name, isDefault: r.isDefault })),
    });
  } catch (e) {
    return apiError(e);
  }
}
