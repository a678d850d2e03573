// Families whose modelInput is one prompt string: Meta Llama, Mistral, Amazon Titan Text.
import { estimateTokens } from "../tokens";
import { isObject, malformed, num, positiveInt, promptText, type ChatRequest, type Family } from "./family";

function parsePrompt(input: unknown, promptKey: string, maxKey: string | undefined, maxOf: (i: Record<string, unknown>) => unknown, defaultMax: number): ChatRequest | { error: string } {
  if (!isObject(input)) return malformed("#: expected type: JSONObject");
  const prompt = input[promptKey];
  if (prompt === undefined) return malformed(`#: required key [${promptKey}] not found`);
  if (typeof prompt !== "string" || prompt.trim() === "") return malformed(`#/${promptKey}: expected a non-empty string`);
  const max = maxOf(input);
  if (max !== undefined && !positiveInt(max)) return malformed(`#/${maxKey}: expected a positive integer`);
  return { messages: [{ role: "user", text: stripChatTemplate(prompt) }], maxTokens: (max as number | undefined) ?? defaultMax };
}

/** Removes Llama 3 header tokens and Mistral [INST] markers so only the words reach the summarizer. */
export function stripChatTemplate(prompt: string): string {
  return prompt
    .replace(/<\|start_header_id\|>\s*(system|user|assistant)\s*<\|end_header_id\|>/g, "\n")
    .replace(/<\|[a-z_]+\|>/g, "")
    .replace(/<\/?s>|\[\/?INST\]/g, "")
    .trim();
}

export const llama: Family = {
  name: "llama",
  parse: (input) => parsePrompt(input, "prompt", "max_gen_len", (i) => i.max_gen_len, 512),
  respond: (gen) => ({
    generation: gen.text,
    prompt_token_count: gen.inputTokens,
    generation_token_count: gen.outputTokens,
    stop_reason: gen.truncated ? "length" : "stop",
  }),
  usage: (out) => (isObject(out) ? { inputTokens: num(out.prompt_token_count), outputTokens: num(out.generation_token_count) } : { inputTokens: 0, outputTokens: 0 }),
};


export const mistral: Family = {
  name: "mistral",
  parse: (input) => parsePrompt(input, "prompt", "max_tokens", (i) => i.max_tokens, 512),
  respond: (gen) => ({ outputs: [{ text: gen.text, stop_reason: gen.truncated ? "length" : "stop" }] }),
  // Mistral's answer carries no token counts, so a resumed manifest re-estimates them.
  usage(out, input) {
    const req = mistral.parse(input);
    const first: unknown = isObject(out) && Array.isArray(out.outputs) ? out.outputs[0] : undefined;
    const text = isObject(first) && typeof first.text === "string" ? first.text : "";
    return { inputTokens: "error" in req ? 0 : estimateTokens(promptText(req)), outputTokens: estimateTokens(text) };
  },
};

export const titan: Family = {
  name: "titan",
  parse: (input) =>
    parsePrompt(input, "inputText", "textGenerationConfig/maxTokenCount", (i) => (isObject(i.textGenerationConfig) ? i.textGenerationConfig.maxTokenCount : undefined), 512),
  respond: (gen) => ({
    inputTextTokenCount: gen.inputTokens,
    results: [{ tokenCount: gen.outputTokens, outputText: gen.text, completionReason: gen.truncated ? "LENGTH" : "FINISH" }],
  }),
  usage(out) {
    if (!isObject(out) || !Array.isArray(out.results)) return { inputTokens: 0, outputTokens: 0 };
    const first: unknown = out.results[0];
    return { inputTokens: num(out.inputTextTokenCount), outputTokens: isObject(first) ? num(first.tokenCount) : 0 };
  },
};
