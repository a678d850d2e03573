import { systemOf, type PromptOptions } from "./prompt-options";

/** Mistral text-completion InvokeModel body. */
export type MistralModelInput = { prompt: string; max_tokens: number; temperature: number };

/**
 * Wraps the prompt in Mistral's instruction tokens. The format has no system turn, so a
 * system prompt goes first inside the same [INST] block, as Mistral's own templates do.
 */
export function formatMistralPrompt(prompt: string, system?: string): string {
  const content = system !== undefined ? `${system}\n\n${prompt}` : prompt;
  return `<s>[INST] ${content} [/INST]`;
}

/** Builds a Mistral text-completion body. */
export function buildMistralInput(opts: PromptOptions): MistralModelInput {
  return {
    prompt: formatMistralPrompt(opts.prompt, systemOf(opts)),
    max_tokens: opts.maxTokens,
    temperature: opts.temperature,
  };
}
