import "server-only";
import type { Db } from "@/lib/db";
import { config } from "@/lib/config";
import { DEFAULT_TEMPLATE } from "@/lib/prompts/template";
import { bedrockMinRecordsPerJob } from "@/lib/bedrock/quotas";

// Batch prices are 50% of on-demand (USD per million tokens, us-east-1, at the time of writing);
// admins keep them current on the Models page.
const DEFAULT_MODELS = [
  { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625 },
  { modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0", name: "Claude 3.5 Sonnet", family: "anthropic", inputPricePerMTok: 1.5, outputPricePerMTok: 7.5 },
  { modelId: "amazon.nova-lite-v1:0", name: "Amazon Nova Lite", family: "nova", inputPricePerMTok: 0.03, outputPricePerMTok: 0.12 },
  { modelId: "amazon.nova-pro-v1:0", name: "Amazon Nova Pro", family: "nova", inputPricePerMTok: 0.4, outputPricePerMTok: 1.6 },
] as const;

/** Sensible defaults on a fresh database; never overwrites what an admin changed. */
export async function seedDefaults(prisma: Db): Promise<void> {
  const c = config();
  if ((await prisma.modelConfig.count()) === 0) {
    // Bedrock's own minimum records per job for each model, so Recap plans no job Bedrock refuses.
    await prisma.modelConfig.createMany({ data: DEFAULT_MODELS.map((m) => ({ ...m, minRecordsPerJob: bedrockMinRecordsPerJob(m.modelId) })) });
  }
  if ((await prisma.promptTemplate.count()) === 0) {
    await prisma.promptTemplate.create({
      data: {
        name: DEFAULT_TEMPLATE.name,
        versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body, expectsJson: DEFAULT_TEMPLATE.expectsJson } },
      },
    });
  }
  await prisma.storageSetting.upsert({
    where: { id: "default" },
    create: { id: "default", bucket: c.bucket, inputPrefix: c.inputPrefix, outputPrefix: c.outputPrefix, uploadPrefix: c.uploadPrefix },
    update: {},
  });
  if (c.defaultRoleArn && (await prisma.serviceRole.count()) === 0) {
    await prisma.serviceRole.create({
      data: { name: c.s3Endpoint ? "Local batch role" : "Default batch role", roleArn: c.defaultRoleArn, isDefault: true },
    });
  }
}
