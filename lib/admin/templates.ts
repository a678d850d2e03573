import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { AppError, conflictOnDuplicate } from "@/lib/errors";
import { validateTemplate } from "@/lib/prompts/template";
import { flag } from "./fields";

const body = z
  .string()
  .max(50_000, "At most 50,000 characters.")
  .superRefine((b, ctx) => {
    const check = validateTemplate(b);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  });

export const CreateTemplate = z.object({ name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."), body, expectsJson: flag });
export type CreateTemplate = z.infer<typeof CreateTemplate>;
export const ReviseTemplate = z.object({ templateId: z.string().min(1), body, expectsJson: flag });
export type ReviseTemplate = z.infer<typeof ReviseTemplate>;

export type TemplateSummary = { id: string; name: string; latestVersion: number; updatedAt: Date; updatedBy: string | null; versionCount: number };

export async function listTemplates(): Promise<TemplateSummary[]> {
  const rows = await (await db()).promptTemplate.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { versions: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, createdAt: true, createdBy: { select: { email: true } } } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    latestVersion: t.versions[0]?.version ?? 0,
    updatedAt: t.versions[0]?.createdAt ?? new Date(0),
    updatedBy: t.versions[0]?.createdBy?.email ?? null,
    versionCount: t._count.versions,
  }));
}

/** A template with every version, newest first. */
export async function templateWithHistory(templateId: string) {
  const t = await (await db()).promptTemplate.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      name: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, body: true, expectsJson: true, createdAt: true, createdBy: { select: { email: true } }, _count: { select: { batches: true } } },
      },
    },
  });
  if (!t) throw new AppError("NOT_FOUND", "That template does not exist.");
  return t;
}

export async function createTemplate({ input, actor }: { input: CreateTemplate; actor: SessionUser }): Promise<{ id: string; versionId: string }> {
  return (await db()).$transaction(async (tx) => {
    const t = await conflictOnDuplicate(() => tx.promptTemplate.create({ data: { name: input.name } }), `A template named "${input.name}" already exists.`, "name");
    const v = await tx.promptTemplateVersion.create({ data: { templateId: t.id, version: 1, body: input.body, expectsJson: input.expectsJson, createdById: actor.id } });
    await audit({ actor, action: "template.create", targetType: "template", targetId: t.id, after: { name: t.name, version: 1, body: input.body, expectsJson: input.expectsJson } }, tx);
    return { id: t.id, versionId: v.id };
  });
}

/** Every edit is a new version; old versions stay, because batches point at the one they used. */
export async function reviseTemplate({ input, actor }: { input: ReviseTemplate; actor: SessionUser }): Promise<{ versionId: string; version: number }> {
  return (await db()).$transaction(async (tx) => {
    const latest = await tx.promptTemplateVersion.findFirst({ where: { templateId: input.templateId }, orderBy: { version: "desc" } });
    if (!latest) throw new AppError("NOT_FOUND", "That template does not exist.");
    if (latest.body === input.body && latest.expectsJson === input.expectsJson) {
      throw new AppError("VALIDATION", "Nothing changed: edit the prompt to save a new version.", "body");
    }
    const v = await conflictOnDuplicate(
      () => tx.promptTemplateVersion.create({ data: { templateId: input.templateId, version: latest.version + 1, body: input.body, expectsJson: input.expectsJson, createdById: actor.id } }),
      "Someone saved a new version at the same time. Reload and try again.",
      "body",
    );
    await audit(
      {
        actor,
        action: "template.revise",
        targetType: "template",
        targetId: input.templateId,
        before: { version: latest.version, body: latest.body, expectsJson: latest.expectsJson },
        after: { version: v.version, body: v.body, expectsJson: v.expectsJson },
      },
      tx,
    );
    return { versionId: v.id, version: v.version };
  });
}

/** "Call summary (JSON) v3": how results pages name the exact version a batch used. */
export async function templateVersionLabel(templateVersionId: string): Promise<string | null> {
  const v = await (await db()).promptTemplateVersion.findUnique({ where: { id: templateVersionId }, select: { version: true, template: { select: { name: true } } } });
  return v ? `${v.template.name} v${v.version}` : null;
}
