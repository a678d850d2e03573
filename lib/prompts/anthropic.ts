import { systemOf, type PromptOptions } from "./prompt-options";

/** Anthropic Claude Messages API body, as InvokeModel on Bedrock takes it. */
export type AnthropicModelInput = {
  anthropic_version: "bedrock-2023-05-31";
  max_tokens: number;
  temperature: number;
  system?: string;
  messages: [{ role: "user"; content: [{ type: "text"; text: string }] }];
};

/** Builds a Claude Messages body with the prompt as the single user turn. */
export function buildAnthropicInput(opts: PromptOptions): AnthropicModelInput {
  const system = systemOf(opts);
  return {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: opts.maxTokens,
    temperature: opts.temperature,
    ...(system !== undefined && { system }),
    messages: [{ role: "user", content: [{ type: "text", text: opts.prompt }] }],
  };
}
