import "server-only";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/guards";
import { createBatch } from "@/lib/jobs/submit";
import type { StorageTarget } from "@/lib/storage";
import type { Arm } from "./metrics";

export type ArmChoice = { modelConfigId: string; templateVersionId: string };

/**
 * Runs one arm of a comparison over the comparison's calls. The one place that decides how an
 * arm runs: today a Bedrock batch through the normal submit path (so the sample must reach the
 * model's minimum records per job, checked in createComparison); an on-demand runner for sets
 * below the minimum can take over here. Idempotent: the same comparison and arm make one batch.
 */
export async function runArm(opts: {
  prisma: Db;
  storage: StorageTarget;
  user: SessionUser;
  comparison: { id: string; name: string; datasetId: string; requestKey: string; serviceRoleId?: string };
  arm: Arm;
  choice: ArmChoice;
}): Promise<{ batchId: string }> {
  const { comparison, arm } = opts;
  return createBatch({
    prisma: opts.prisma,
    storage: opts.storage,
    user: opts.user,
    datasetId: comparison.datasetId,
    modelConfigId: opts.choice.modelConfigId,
    templateVersionId: opts.choice.templateVersionId,
    serviceRoleId: comparison.serviceRoleId,
    name: `${comparison.name} ${arm}`,
    requestKey: `${comparison.requestKey}:${arm}`,
    comparison: { id: comparison.id, arm },
  });
}
