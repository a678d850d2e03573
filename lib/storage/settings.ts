import "server-only";
import type { Db } from "@/lib/db";
import { config } from "@/lib/config";
import { s3 } from "./s3-client";
import type { Target } from "./objects";

export type StorageTarget = Target & { inputPrefix: string; outputPrefix: string; uploadPrefix: string; kmsKeyId?: string };

/** Where batch files go: the admin's storage settings, else the environment's defaults. */
export async function storageTarget(prisma: Db): Promise<StorageTarget> {
  const c = config();
  const row = await prisma.storageSetting.findUnique({ where: { id: "default" } });
  return {
    client: s3(),
    bucket: row?.bucket ?? c.bucket,
    inputPrefix: row?.inputPrefix ?? c.inputPrefix,
    outputPrefix: row?.outputPrefix ?? c.outputPrefix,
    uploadPrefix: row?.uploadPrefix ?? c.uploadPrefix,
    kmsKeyId: row?.kmsKeyId ?? undefined,
  };
}
