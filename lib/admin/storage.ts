import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { optionalText } from "./fields";

const prefix = z
  .string()
  .trim()
  .min(1, "Enter a key prefix.")
  .max(512, "At most 512 characters.")
  .regex(/^[^/].*[^/]$|^[^/]$/, "No leading or trailing '/'.");

export const SaveStorage = z.object({
  bucket: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "3-63 lowercase letters, digits, dots and hyphens."),
  inputPrefix: prefix,
  outputPrefix: prefix,
  uploadPrefix: prefix,
  kmsKeyId: optionalText(2048).pipe(
    z
      .string()
      .regex(/^(arn:aws(-[^:]+)?:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)\/.+|alias\/.+|[0-9a-f-]{36})$/, "A KMS key id, key ARN, alias ARN or alias/<name>.")
      .optional(),
  ),
});
export type SaveStorage = z.infer<typeof SaveStorage>;

/** The storage settings row, or the values from the environment when none was saved yet. */
export async function getStorage(): Promise<SaveStorage & { saved: boolean }> {
  const row = await (await db()).storageSetting.findUnique({ where: { id: "default" } });
  if (row) return { bucket: row.bucket, inputPrefix: row.inputPrefix, outputPrefix: row.outputPrefix, uploadPrefix: row.uploadPrefix, kmsKeyId: row.kmsKeyId ?? undefined, saved: true };
  const c = config();
  return { bucket: c.bucket, inputPrefix: c.inputPrefix, outputPrefix: c.outputPrefix, uploadPrefix: c.uploadPrefix, kmsKeyId: undefined, saved: false };
}

export async function saveStorage({ input, actor }: { input: SaveStorage; actor: SessionUser }): Promise<void> {
  await (await db()).$transaction(async (tx) => {
    const before = await tx.storageSetting.findUnique({ where: { id: "default" } });
    const data = { ...input, kmsKeyId: input.kmsKeyId ?? null };
    const after = await tx.storageSetting.upsert({ where: { id: "default" }, create: { id: "default", ...data }, update: data });
    await audit({ actor, action: "storage.update", targetType: "storage", targetId: "default", before, after }, tx);
  });
}
