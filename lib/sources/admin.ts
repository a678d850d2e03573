import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, conflictOnDuplicate } from "@/lib/errors";
import { wholeNumber } from "@/lib/admin/fields";
import { SOURCE_FORMATS, type SourceFormat } from "./formats";

const formats = Object.keys(SOURCE_FORMATS) as [SourceFormat, ...SourceFormat[]];

export const SaveSource = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  bucket: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Enter an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens."),
  prefix: z.string().trim().max(1024, "At most 1,024 characters.").regex(/^[^/]/, "A prefix does not start with '/'.").or(z.literal("")),
  format: z.enum(formats, { message: "Pick the transcript format." }),
  modelConfigId: z.string().min(1, "Pick a model."),
  templateVersionId: z.string().min(1, "Pick a prompt template."),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  scanIntervalSec: wholeNumber(10, 86_400),
  maxWaitSec: wholeNumber(60, 30 * 86_400),
});
export type SaveSource = z.infer<typeof SaveSource>;
export const SourceId = z.object({ id: z.string().min(1) });
export type SourceId = z.infer<typeof SourceId>;

/** Register a watched source; the batches it makes belong to the admin who registered it. */
export async function createSource({ input, actor }: { input: SaveSource; actor: SessionUser }): Promise<{ id: string }> {
  const prisma = await db();
  const model = await prisma.modelConfig.findUnique({ where: { id: input.modelConfigId }, select: { enabled: true } });
  if (!model?.enabled) throw new AppError("VALIDATION", "Pick an enabled model.", "modelConfigId");
  if (!(await prisma.promptTemplateVersion.findUnique({ where: { id: input.templateVersionId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", "That template version does not exist.", "templateVersionId");
  }
  const row = await conflictOnDuplicate(
    () => prisma.source.create({ data: { ...input, serviceRoleId: input.serviceRoleId ?? null, createdById: actor.id } }),
    `A source named "${input.name}" already exists.`, "name",
  );
  await audit({ actor, action: "source.create", targetType: "source", targetId: row.id, after: input });
  return { id: row.id };
}

export async function deleteSource({ input, actor }: { input: SourceId; actor: SessionUser }): Promise<void> {
  const prisma = await db();
  const before = await prisma.source.findUnique({ where: { id: input.id }, select: { id: true, name: true, bucket: true, prefix: true } });
  if (!before) throw new AppError("NOT_FOUND", "That source does not exist.");
  await prisma.source.delete({ where: { id: input.id } });
  await audit({ actor, action: "source.delete", targetType: "source", targetId: input.id, before });
}

/** Scan at the next pass of the scheduler instead of waiting for the interval. */
export async function scanSourceNow({ input, actor }: { input: SourceId; actor: SessionUser }): Promise<void> {
  const prisma = await db();
  const r = await prisma.source.updateMany({ where: { id: input.id }, data: { nextScanAt: new Date() } });
  if (r.count === 0) throw new AppError("NOT_FOUND", "That source does not exist.");
  await audit({ actor, action: "source.scan", targetType: "source", targetId: input.id });
}

/** Each source with what the admin page shows: last scan, calls waiting, batches made, errors. */
export async function listSources() {
  const prisma = await db();
  const sources = await prisma.source.findMany({ orderBy: { name: "asc" } });
  return Promise.all(sources.map(async (s) => {
    const [waiting, batches, objects, failed, recent] = await Promise.all([
      prisma.sourceCall.count({ where: { sourceId: s.id, datasetId: null } }),
      prisma.batch.count({ where: { dataset: { sourceId: s.id } } }),
      prisma.sourceObject.count({ where: { sourceId: s.id } }),
      prisma.sourceObject.findMany({ where: { sourceId: s.id, status: "failed" }, orderBy: { updatedAt: "desc" }, take: 5, select: { key: true, error: true } }),
      prisma.batch.findMany({ where: { dataset: { sourceId: s.id } }, orderBy: { createdAt: "desc" }, take: 3, select: { id: true, name: true, recordCount: true, createdAt: true } }),
    ]);
    return { ...s, waiting, batches, objects, failed, recent };
  }));
}

/** What the registration form offers: enabled models, each template's newest version, service roles. */
export async function sourceChoices() {
  const prisma = await db();
  const [models, templates, roles] = await Promise.all([
    prisma.modelConfig.findMany({ where: { enabled: true }, orderBy: { name: "asc" }, select: { id: true, name: true, minRecordsPerJob: true } }),
    prisma.promptTemplate.findMany({ orderBy: { name: "asc" }, select: { name: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true } } } }),
    prisma.serviceRole.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], select: { id: true, name: true, isDefault: true } }),
  ]);
  return {
    models,
    templates: templates.filter((t) => t.versions[0]).map((t) => ({ id: t.versions[0].id, label: `${t.name} (v${t.versions[0].version})` })),
    roles,
  };
}
