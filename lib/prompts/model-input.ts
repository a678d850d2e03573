import { buildAnthropicInput, type AnthropicModelInput } from "./anthropic";
import type { ModelFamily } from "./families";
import { buildLlamaInput, type LlamaModelInput } from "./llama";
import { buildMistralInput, type MistralModelInput } from "./mistral";
import { buildNovaInput, type NovaModelInput } from "./nova";
import type { PromptOptions } from "./prompt-options";
import { buildTitanInput, type TitanModelInput } from "./titan";

export type { PromptOptions };

export type ModelInput = AnthropicModelInput | NovaModelInput | LlamaModelInput | MistralModelInput | TitanModelInput;

/** The InvokeModel request body (Bedrock's `modelInput`) for a model family. */
export function buildModelInput(family: ModelFamily, opts: PromptOptions): ModelInput {
  switch (family) {
    case "anthropic":
      return buildAnthropicInput(opts);
    case "nova":
      return buildNovaInput(opts);
    case "llama":
      return buildLlamaInput(opts);
    case "mistral":
      return buildMistralInput(opts);
    case "titan":
      return buildTitanInput(opts);
    default: {
      const unknown: never = family;
      throw new Error(`Unknown model family: ${String(unknown)}`);
    }
  }
}
