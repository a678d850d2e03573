import "server-only";
// Reads for the dataset pages: one dataset with its validation report, and the choices the
// prepare form offers (enabled models, the latest version of each template, service roles).
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import type { Problem } from "@/lib/transcripts";

export type DatasetView = {
  id: string;
  name: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  recordCount: number;
  createdAt: string;
  createdBy: string;
  report: { format?: string; encoding?: string; columns?: { id?: string; text?: string }; problemCount: number; problems: Problem[] };
  batches: { id: string; name: string; status: string; createdAt: string }[];
};

export type ModelChoice = { id: string; name: string; modelId: string; inputPricePerMTok: number; outputPricePerMTok: number; minRecordsPerJob: number; maxRecordsPerJob: number; defaultTimeoutHours: number };
export type TemplateChoice = { versionId: string; name: string; version: number; body: string; expectsJson: boolean };
export type ServiceRoleChoice = { id: string; name: string; roleArn: string; isDefault: boolean };
export type PrepareChoices = { models: ModelChoice[]; templates: TemplateChoice[]; serviceRoles: ServiceRoleChoice[] };

function readReport(value: unknown): DatasetView["report"] {
  const r = (value ?? {}) as Partial<DatasetView["report"]>;
  return { format: r.format, encoding: r.encoding, columns: r.columns, problemCount: r.problemCount ?? 0, problems: Array.isArray(r.problems) ? r.problems : [] };
}

/** A dataset the caller may see (own for supervisors), or null. */
export async function getDataset(opts: { user: Actor; datasetId: string; prisma?: Db }): Promise<DatasetView | null> {
  const prisma = opts.prisma ?? (await db());
  const d = await prisma.dataset.findFirst({
    where: { id: opts.datasetId, ...batchScope(opts.user) },
    select: {
      id: true, name: true, fileName: true, format: true, sizeBytes: true, recordCount: true, createdAt: true, report: true,
      createdBy: { select: { name: true, email: true } },
      // a comparison's arms are listed on the comparison page
      batches: { where: { comparisonId: null }, select: { id: true, name: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!d) return null;
  return {
    id: d.id, name: d.name, fileName: d.fileName, format: d.format, sizeBytes: Number(d.sizeBytes), recordCount: d.recordCount,
    createdAt: d.createdAt.toISOString(), createdBy: d.createdBy.name || d.createdBy.email, report: readReport(d.report),
    batches: d.batches.map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })),
  };
}

/** The caller's datasets, newest first (for the uploads list). */
export async function listDatasets(opts: { user: Actor; take?: number; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const rows = await prisma.dataset.findMany({
    where: batchScope(opts.user),
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 20,
    select: { id: true, name: true, fileName: true, recordCount: true, createdAt: true, _count: { select: { batches: { where: { comparisonId: null } } } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, fileName: r.fileName, recordCount: r.recordCount, createdAt: r.createdAt.toISOString(), batchCount: r._count.batches }));
}

export type EarlierUpload = { id: string; name: string; fileName: string; createdAt: string };

/**
 * The caller's own newest dataset with this SHA-256, or null: "you uploaded this on <date> as
 * <name>". Only the caller's datasets, whatever the role, so it never tells of anyone else's files.
 */
export async function findEarlierUpload(opts: { user: Actor; sha256: string; prisma?: Db }): Promise<EarlierUpload | null> {
  const prisma = opts.prisma ?? (await db());
  const d = await prisma.dataset.findFirst({
    where: { createdById: opts.user.id, sha256: opts.sha256.toLowerCase() },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, fileName: true, createdAt: true },
  });
  return d && { ...d, createdAt: d.createdAt.toISOString() };
}

/** What the prepare form offers: enabled models, each template's latest version, service roles (default first). */
export async function prepareChoices(opts: { prisma?: Db } = {}): Promise<PrepareChoices> {
  const prisma = opts.prisma ?? (await db());
  const [models, templates, roles] = await Promise.all([
    prisma.modelConfig.findMany({
      where: { enabled: true }, orderBy: { name: "asc" },
      select: { id: true, name: true, modelId: true, inputPricePerMTok: true, outputPricePerMTok: true, minRecordsPerJob: true, maxRecordsPerJob: true, defaultTimeoutHours: true },
    }),
    prisma.promptTemplate.findMany({
      orderBy: { name: "asc" },
      select: { name: true, versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, body: true, expectsJson: true } } },
    }),
    prisma.serviceRole.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], select: { id: true, name: true, roleArn: true, isDefault: true } }),
  ]);
  return {
    models,
    templates: templates.flatMap((t) => t.versions.map((v) => ({ versionId: v.id, name: t.name, version: v.version, body: v.body, expectsJson: v.expectsJson }))),
    serviceRoles: roles,
  };
}
