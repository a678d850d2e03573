import { systemOf, type PromptOptions } from "./prompt-options";

/** Amazon Titan Text InvokeModel body. */
export type TitanModelInput = {
  inputText: string;
  textGenerationConfig: { maxTokenCount: number; temperature: number };
};

/** Builds a Titan Text body; Titan has no system field, so a system prompt leads the input text. */
export function buildTitanInput(opts: PromptOptions): TitanModelInput {
  const system = systemOf(opts);
  return {
    inputText: system !== undefined ? `${system}\n\n${opts.prompt}` : opts.prompt,
    textGenerationConfig: { maxTokenCount: opts.maxTokens, temperature: opts.temperature },
  };
}
