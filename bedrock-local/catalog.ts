// The foundation models bedrock-local serves, and the batch quotas it enforces.
import type { Family } from "./families/family";

export type ServedModel = {
  modelId: string;
  modelName: string;
  providerName: string;
  family: Exclude<Family["name"], "converse">;
  inputModalities: ("TEXT" | "IMAGE")[];
  /** AWS's "Minimum number of records per batch inference job" for the model (see README). */
  minRecordsPerJob: number;
};

/** AWS lowered the minimum from the launch figure of 1,000 to 100 for most text models. */
const MIN_RECORDS = 100;
/** Models whose quota still reads 1,000 records per job. */
const MIN_RECORDS_LAUNCH = 1000;

export const MODELS: readonly ServedModel[] = [
  { modelId: "anthropic.claude-3-haiku-20240307-v1:0", modelName: "Claude 3 Haiku", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT", "IMAGE"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0", modelName: "Claude 3.5 Sonnet", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT", "IMAGE"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", modelName: "Claude 3.5 Haiku", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "amazon.nova-micro-v1:0", modelName: "Nova Micro", providerName: "Amazon", family: "nova", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "amazon.nova-lite-v1:0", modelName: "Nova Lite", providerName: "Amazon", family: "nova", inputModalities: ["TEXT", "IMAGE"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "amazon.nova-pro-v1:0", modelName: "Nova Pro", providerName: "Amazon", family: "nova", inputModalities: ["TEXT", "IMAGE"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "meta.llama3-1-8b-instruct-v1:0", modelName: "Llama 3.1 8B Instruct", providerName: "Meta", family: "llama", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "meta.llama3-1-70b-instruct-v1:0", modelName: "Llama 3.1 70B Instruct", providerName: "Meta", family: "llama", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "mistral.mistral-7b-instruct-v0:2", modelName: "Mistral 7B Instruct", providerName: "Mistral AI", family: "mistral", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "mistral.mistral-large-2402-v1:0", modelName: "Mistral Large (24.02)", providerName: "Mistral AI", family: "mistral", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS },
  { modelId: "amazon.titan-text-express-v1", modelName: "Titan Text G1 - Express", providerName: "Amazon", family: "titan", inputModalities: ["TEXT"], minRecordsPerJob: MIN_RECORDS_LAUNCH },
];

export const modelArn = (region: string, modelId: string) => `arn:aws:bedrock:${region}::foundation-model/${modelId}`;

/**
 * Accepts a model id, its foundation-model ARN, or a cross-region inference profile id
 * ("us.anthropic..."), as batch jobs do.
 */
export function findModel(identifier: string): ServedModel | undefined {
  const bare = identifier.replace(/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]*:\d*:(foundation-model|inference-profile)\//, "");
  const unprefixed = bare.replace(/^(us|eu|apac|us-gov|global|jp|au|ca)\./, "");
  return MODELS.find((m) => m.modelId === bare || m.modelId === unprefixed);
}

/** Batch inference quotas (Bedrock launch defaults); per service instance so tests can lower them. */
export type Quotas = {
  /** When set, one minimum for every model (tests, BEDROCK_LOCAL_MIN_RECORDS); unset, each model's own. */
  minRecordsPerJob?: number;
  maxRecordsPerFile: number;
  maxRecordsPerJob: number;
  maxFileBytes: number;
  maxJobBytes: number;
  maxConcurrentJobsPerModel: number;
  /** Longest JSONL line read; longer lines fail validation instead of filling memory. */
  maxLineBytes: number;
};

export const DEFAULT_QUOTAS: Quotas = {
  maxRecordsPerFile: 50_000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 200 * 1024 * 1024,
  maxJobBytes: 1024 * 1024 * 1024,
  maxConcurrentJobsPerModel: 3,
  maxLineBytes: 8 * 1024 * 1024,
};

/** The minimum records per job that applies to a model: the instance's override, else the catalog's figure. */
export function minRecordsFor(quotas: Quotas, modelId: string): number {
  return quotas.minRecordsPerJob ?? findModel(modelId)?.minRecordsPerJob ?? MIN_RECORDS;
}
