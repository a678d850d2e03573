import { systemOf, type PromptOptions } from "./prompt-options";

/** Meta Llama InvokeModel body: one raw prompt string. */
export type LlamaModelInput = { prompt: string; max_gen_len: number; temperature: number };

/**
 * Wraps the prompt in Llama 3's chat format. Bedrock sends the prompt string as is, so the
 * special tokens must be ours; without them instruct models continue the text instead of answering.
 */
export function formatLlamaPrompt(prompt: string, system?: string): string {
  const systemTurn = system !== undefined ? `<|start_header_id|>system<|end_header_id|>\n\n${system}<|eot_id|>` : "";
  return (
    `<|begin_of_text|>${systemTurn}` +
    `<|start_header_id|>user<|end_header_id|>\n\n${prompt}<|eot_id|>` +
    `<|start_header_id|>assistant<|end_header_id|>\n\n`
  );
}

/** Builds a Llama 3 body; Bedrock calls the output limit max_gen_len. */
export function buildLlamaInput(opts: PromptOptions): LlamaModelInput {
  return {
    prompt: formatLlamaPrompt(opts.prompt, systemOf(opts)),
    max_gen_len: opts.maxTokens,
    temperature: opts.temperature,
  };
}
