// The foundation models bedrock-local serves, and the batch quotas it enforces.
import type { Family } from "./families/family";

export type ServedModel = {
  modelId: string;
  modelName: string;
  providerName: string;
  family: Exclude<Family["name"], "converse">;
  inputModalities: ("TEXT" | "IMAGE")[];
};

export const MODELS: readonly ServedModel[] = [
  { modelId: "anthropic.claude-3-haiku-20240307-v1:0", modelName: "Claude 3 Haiku", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT", "IMAGE"] },
  { modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0", modelName: "Claude 3.5 Sonnet", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT", "IMAGE"] },
  { modelId: "anthropic.claude-3-5-haiku-20241022-v1:0", modelName: "Claude 3.5 Haiku", providerName: "Anthropic", family: "anthropic", inputModalities: ["TEXT"] },
  { modelId: "amazon.nova-micro-v1:0", modelName: "Nova Micro", providerName: "Amazon", family: "nova", inputModalities: ["TEXT"] },
  { modelId: "amazon.nova-lite-v1:0", modelName: "Nova Lite", providerName: "Amazon", family: "nova", inputModalities: ["TEXT", "IMAGE"] },
  { modelId: "amazon.nova-pro-v1:0", modelName: "Nova Pro", providerName: "Amazon", family: "nova", inputModalities: ["TEXT", "IMAGE"] },
  { modelId: "meta.llama3-1-8b-instruct-v1:0", modelName: "Llama 3.1 8B Instruct", providerName: "Meta", family: "llama", inputModalities: ["TEXT"] },
  { modelId: "meta.llama3-1-70b-instruct-v1:0", modelName: "Llama 3.1 70B Instruct", providerName: "Meta", family: "llama", inputModalities: ["TEXT"] },
  { modelId: "mistral.mistral-7b-instruct-v0:2", modelName: "Mistral 7B Instruct", providerName: "Mistral AI", family: "mistral", inputModalities: ["TEXT"] },
  { modelId: "mistral.mistral-large-2402-v1:0", modelName: "Mistral Large (24.02)", providerName: "Mistral AI", family: "mistral", inputModalities: ["TEXT"] },
  { modelId: "amazon.titan-text-express-v1", modelName: "Titan Text G1 - Express", providerName: "Amazon", family: "titan", inputModalities: ["TEXT"] },
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
  minRecordsPerJob: number;
  maxRecordsPerFile: number;
  maxRecordsPerJob: number;
  maxFileBytes: number;
  maxJobBytes: number;
  maxConcurrentJobsPerModel: number;
  /** Longest JSONL line read; longer lines fail validation instead of filling memory. */
  maxLineBytes: number;
};

export const DEFAULT_QUOTAS: Quotas = {
  minRecordsPerJob: 1000,
  maxRecordsPerFile: 50_000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 200 * 1024 * 1024,
  maxJobBytes: 1024 * 1024 * 1024,
  maxConcurrentJobsPerModel: 3,
  maxLineBytes: 8 * 1024 * 1024,
};
