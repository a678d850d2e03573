import { z } from "zod";

/** The model families whose request and response bodies Recap knows. */
export const ModelFamily = z.enum(["anthropic", "nova", "llama", "mistral", "titan"]);
export type ModelFamily = z.infer<typeof ModelFamily>;

export const MODEL_FAMILIES: readonly ModelFamily[] = ModelFamily.options;

// Cross-region inference profiles put a geography in front of the model id
// (us., eu., apac., us-gov., global., ...); the rest is the foundation model id.
const PROFILE_PREFIX = /^[a-z-]+\.(?=(?:anthropic|amazon|meta|mistral)\.)/;

// Nova also names image, video and speech models that do not take a text messages body.
const NOVA_NON_TEXT = /^amazon\.nova-(?:canvas|reel|sonic)/;

/**
 * The family of a Bedrock model id, inference-profile id or either's ARN;
 * null when Recap cannot build a text prompt for it (embeddings, image models, unknown vendors).
 */
export function familyOf(modelId: string): ModelFamily | null {
  // ARNs end in ".../foundation-model/<id>" or ".../inference-profile/<id>".
  const id = modelId.trim().toLowerCase().split("/").pop() ?? "";
  const base = id.replace(PROFILE_PREFIX, "");
  if (base.startsWith("anthropic.claude")) return "anthropic";
  if (base.startsWith("amazon.nova-")) return NOVA_NON_TEXT.test(base) ? null : "nova";
  if (base.startsWith("meta.llama")) return "llama";
  if (base.startsWith("mistral.")) return "mistral";
  if (base.startsWith("amazon.titan-text-")) return "titan";
  return null;
}
