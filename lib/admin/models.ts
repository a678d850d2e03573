import "server-only";
import { ListFoundationModelsCommand } from "@aws-sdk/client-bedrock";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { audit } from "@/lib/audit/log";
import { bedrock } from "@/lib/bedrock/client";
import { db } from "@/lib/db";
import { AppError, conflictOnDuplicate } from "@/lib/errors";
import { familyOf, ModelFamily } from "@/lib/prompts/families";
import { decimal, flag, optionalDecimal, wholeNumber } from "./fields";

const MB = 1024 * 1024;

const ModelSettings = z
  .object({
    name: z.string().trim().min(1, "Enter a display name.").max(100, "At most 100 characters."),
    inputPricePerMTok: decimal(0, 10_000),
    outputPricePerMTok: decimal(0, 10_000),
    /** blank: twice the batch price (lib/results/cost.ts onDemandPrices) */
    onDemandInputPricePerMTok: optionalDecimal(0, 10_000),
    onDemandOutputPricePerMTok: optionalDecimal(0, 10_000),
    minRecordsPerJob: wholeNumber(1, 1_000_000),
    maxRecordsPerJob: wholeNumber(1, 1_000_000),
    maxFileMb: wholeNumber(1, 100_000),
    maxJobMb: wholeNumber(1, 1_000_000),
    maxConcurrentJobs: wholeNumber(1, 1_000),
    maxTokens: wholeNumber(1, 200_000),
    temperature: decimal(0, 1),
    // Bedrock's CreateModelInvocationJob accepts 24 to 168 hours
    defaultTimeoutHours: z.preprocess((v) => (v === undefined || v === "" ? 168 : v), wholeNumber(24, 168)),
    enabled: flag,
  })
  .refine((m) => m.minRecordsPerJob <= m.maxRecordsPerJob, { message: "The minimum cannot be above the maximum.", path: ["minRecordsPerJob"] })
  .refine((m) => m.maxFileMb <= m.maxJobMb, { message: "A file cannot be larger than a job.", path: ["maxFileMb"] });

export const AddModel = z.object({ modelId: z.string().trim().min(1, "Pick or type a model id.").max(2048) }).and(ModelSettings);
export type AddModel = z.infer<typeof AddModel>;
export const UpdateModel = z.object({ id: z.string().min(1) }).and(ModelSettings);
export type UpdateModel = z.infer<typeof UpdateModel>;
export const SetModelEnabled = z.object({ id: z.string().min(1), enabled: flag });
export type SetModelEnabled = z.infer<typeof SetModelEnabled>;

type Settings = z.infer<typeof ModelSettings>;

function toRow(s: Settings) {
  const { maxFileMb, maxJobMb, ...rest } = s;
  return { ...rest, maxFileBytes: BigInt(maxFileMb * MB), maxJobBytes: BigInt(maxJobMb * MB) };
}

export type ModelRow = Awaited<ReturnType<typeof listModels>>[number];

export async function listModels() {
  const rows = await (await db()).modelConfig.findMany({ orderBy: [{ enabled: "desc" }, { name: "asc" }] });
  return rows.map((r) => ({ ...r, maxFileMb: Number(r.maxFileBytes) / MB, maxJobMb: Number(r.maxJobBytes) / MB }));
}

function familyOrFail(modelId: string): z.infer<typeof ModelFamily> {
  const family = familyOf(modelId);
  if (!family) throw new AppError("VALIDATION", "Recap cannot build prompts for this model: pick a Claude, Nova, Llama, Mistral or Titan Text model.", "modelId");
  return family;
}

export async function addModel({ input, actor }: { input: AddModel; actor: SessionUser }): Promise<{ id: string }> {
  const { modelId, ...settings } = input;
  const family = familyOrFail(modelId);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const row = await conflictOnDuplicate(
      () => tx.modelConfig.create({ data: { modelId, family, ...toRow(settings) } }),
      `${modelId} is already configured.`,
      "modelId",
    );
    await audit({ actor, action: "model.create", targetType: "model", targetId: row.id, after: row }, tx);
    return { id: row.id };
  });
}

export async function updateModel({ input, actor }: { input: UpdateModel; actor: SessionUser }): Promise<void> {
  const { id, ...settings } = input;
  await (await db()).$transaction(async (tx) => {
    const before = await tx.modelConfig.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", "That model is not configured.");
    const after = await tx.modelConfig.update({ where: { id }, data: toRow(settings) });
    await audit({ actor, action: "model.update", targetType: "model", targetId: id, before, after }, tx);
  });
}

export async function setModelEnabled({ input, actor }: { input: SetModelEnabled; actor: SessionUser }): Promise<void> {
  await (await db()).$transaction(async (tx) => {
    const before = await tx.modelConfig.findUnique({ where: { id: input.id }, select: { id: true, modelId: true, enabled: true } });
    if (!before) throw new AppError("NOT_FOUND", "That model is not configured.");
    await tx.modelConfig.update({ where: { id: input.id }, data: { enabled: input.enabled } });
    await audit({ actor, action: input.enabled ? "model.enable" : "model.disable", targetType: "model", targetId: input.id, before, after: { ...before, enabled: input.enabled } }, tx);
  });
}

export type FoundationModelChoice = { modelId: string; name: string; provider: string; family: z.infer<typeof ModelFamily> };

/** The engine's text models Recap can prompt and that are not configured yet; [] with a reason when it does not answer. */
export async function foundationModelChoices(): Promise<{ choices: FoundationModelChoice[]; error?: string }> {
  try {
    const out = await bedrock().send(new ListFoundationModelsCommand({ byOutputModality: "TEXT" }));
    const configured = new Set((await (await db()).modelConfig.findMany({ select: { modelId: true } })).map((m) => m.modelId));
    const choices: FoundationModelChoice[] = [];
    for (const m of out.modelSummaries ?? []) {
      const family = m.modelId ? familyOf(m.modelId) : null;
      if (!m.modelId || !family || configured.has(m.modelId)) continue;
      choices.push({ modelId: m.modelId, name: m.modelName ?? m.modelId, provider: m.providerName ?? "", family });
    }
    return { choices: choices.sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (e) {
    return { choices: [], error: `The batch engine did not list its models (${(e as Error).name}: ${(e as Error).message}). Type a model id instead.` };
  }
}
