import "server-only";
// A source's calls that waited past its limit, fewer than the model's job minimum: run on demand
// (lib/ondemand) as the admin who registered the source, like its batches.
import type { Db } from "@/lib/db";
import { isRole } from "@/lib/auth/roles";
import { createOnDemandBatch } from "@/lib/ondemand/create";
import type { OnDemand } from "./gather";

export function sourceOnDemand(prisma: Db): OnDemand {
  return async ({ datasetId, source }) => {
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: source.createdById }, select: { id: true, email: true, name: true, role: true } });
    if (!isRole(owner.role)) throw new Error(`user ${owner.id} has no known role`);
    const { batchId } = await createOnDemandBatch({
      prisma, user: { ...owner, role: owner.role }, datasetId, modelConfigId: source.modelConfigId, templateVersionId: source.templateVersionId,
      name: `${source.name}: ${new Date().toISOString().slice(0, 16).replace("T", " ")} (on demand)`, requestKey: `source:${datasetId}`,
    });
    return { batchId };
  };
}
