import { z } from "zod";

/** Where a modelOutput's text came from: the response shape that matched. */
export type OutputShape = "anthropic" | "converse" | "llama" | "mistral" | "mistral-chat" | "titan";

/** Text and usage pulled out of one modelOutput, whatever family wrote it. */
export type ModelText = {
  shape: OutputShape;
  text: string;
  inputTokens?: number;
  outputTokens?: number;
  stopReason?: string;
};

// Token counts only inform cost and reporting; a malformed count must not cost us the summary text.
const tokens = z.number().int().nonnegative().optional().catch(undefined);
const reason = z.string().optional().catch(undefined);

// Claude Messages response. Non-text blocks (tool_use, thinking) carry no summary text.
const AnthropicOutput = z.object({
  content: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullish().catch(undefined),
  usage: z.looseObject({ input_tokens: tokens, output_tokens: tokens }).optional().catch(undefined),
});

// Nova InvokeModel and Converse responses share this shape; content may hold reasoning blocks without text.
const ConverseOutput = z.object({
  output: z.object({
    message: z.object({ content: z.array(z.looseObject({ text: z.string().optional() })) }),
  }),
  stopReason: reason,
  usage: z.looseObject({ inputTokens: tokens, outputTokens: tokens }).optional().catch(undefined),
});

const LlamaOutput = z.object({
  generation: z.string(),
  prompt_token_count: tokens,
  generation_token_count: tokens,
  stop_reason: z.string().nullish().catch(undefined),
});

const MistralOutput = z.object({
  outputs: z.array(z.looseObject({ text: z.string(), stop_reason: z.string().nullish().catch(undefined) })).min(1),
});

// Mistral Large 2 (24.07) answers in chat-completion form.
const MistralChatOutput = z.object({
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({ content: z.string() }),
        stop_reason: z.string().nullish().catch(undefined),
        finish_reason: z.string().nullish().catch(undefined),
      }),
    )
    .min(1),
  usage: z.looseObject({ prompt_tokens: tokens, completion_tokens: tokens }).optional().catch(undefined),
});

const TitanOutput = z.object({
  inputTextTokenCount: tokens,
  results: z
    .array(z.looseObject({ outputText: z.string(), tokenCount: tokens, completionReason: z.string().nullish().catch(undefined) }))
    .min(1),
});

const joinText = (blocks: { text?: string }[]) => blocks.map((b) => b.text ?? "").join("");
const orUndefined = <T>(v: T | null | undefined) => v ?? undefined;

/** Reads text and token usage from any known modelOutput shape; null when none matches. */
export function readModelOutput(modelOutput: unknown): ModelText | null {
  // Each shape has a distinguishing required key, so at most one matches a real response.
  const anthropic = AnthropicOutput.safeParse(modelOutput);
  if (anthropic.success) {
    const o = anthropic.data;
    return {
      shape: "anthropic",
      text: joinText(o.content.filter((b) => b.type === "text")),
      inputTokens: o.usage?.input_tokens,
      outputTokens: o.usage?.output_tokens,
      stopReason: orUndefined(o.stop_reason),
    };
  }
  const converse = ConverseOutput.safeParse(modelOutput);
  if (converse.success) {
    const o = converse.data;
    return {
      shape: "converse",
      text: joinText(o.output.message.content),
      inputTokens: o.usage?.inputTokens,
      outputTokens: o.usage?.outputTokens,
      stopReason: o.stopReason,
    };
  }
  const llama = LlamaOutput.safeParse(modelOutput);
  if (llama.success) {
    const o = llama.data;
    return {
      shape: "llama",
      text: o.generation,
      inputTokens: o.prompt_token_count,
      outputTokens: o.generation_token_count,
      stopReason: orUndefined(o.stop_reason),
    };
  }
  const mistral = MistralOutput.safeParse(modelOutput);
  if (mistral.success) {
    const first = mistral.data.outputs[0];
    return { shape: "mistral", text: first.text, stopReason: orUndefined(first.stop_reason) };
  }
  const chat = MistralChatOutput.safeParse(modelOutput);
  if (chat.success) {
    const first = chat.data.choices[0];
    return {
      shape: "mistral-chat",
      text: first.message.content,
      inputTokens: chat.data.usage?.prompt_tokens,
      outputTokens: chat.data.usage?.completion_tokens,
      stopReason: orUndefined(first.stop_reason ?? first.finish_reason),
    };
  }
  const titan = TitanOutput.safeParse(modelOutput);
  if (titan.success) {
    const first = titan.data.results[0];
    return {
      shape: "titan",
      text: first.outputText,
      inputTokens: titan.data.inputTextTokenCount,
      outputTokens: first.tokenCount,
      stopReason: orUndefined(first.completionReason),
    };
  }
  return null;
}
