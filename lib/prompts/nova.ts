import { systemOf, type PromptOptions } from "./prompt-options";

/** Amazon Nova understanding models' InvokeModel body (schema "messages-v1"). */
export type NovaModelInput = {
  schemaVersion: "messages-v1";
  system?: [{ text: string }];
  messages: [{ role: "user"; content: [{ text: string }] }];
  inferenceConfig: { maxTokens: number; temperature: number };
};

/** Builds a Nova messages-v1 body with the prompt as the single user turn. */
export function buildNovaInput(opts: PromptOptions): NovaModelInput {
  const system = systemOf(opts);
  return {
    schemaVersion: "messages-v1",
    ...(system !== undefined && { system: [{ text: system }] as [{ text: string }] }),
    messages: [{ role: "user", content: [{ text: opts.prompt }] }],
    inferenceConfig: { maxTokens: opts.maxTokens, temperature: opts.temperature },
  };
}
