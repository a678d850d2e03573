// Amazon Nova (messages-v1 schema) and the Converse shape, which Nova's InvokeModel answer follows.
import { contentText, isObject, malformed, num, parseMessages, positiveInt, type ChatRequest, type Family, type Json } from "./family";

function parseNovaLike(input: unknown, maxKeys: string[], defaultMax: number): ChatRequest | { error: string } {
  if (!isObject(input)) return malformed("#: expected type: JSONObject");
  const parsed = parseMessages(input.messages, "messages");
  if ("error" in parsed) return parsed;
  let system: string | undefined;
  if (input.system !== undefined) {
    system = contentText(input.system);
    if (system === undefined) return malformed("#/system: expected an array of text blocks");
  }
  let maxTokens = defaultMax;
  if (input.inferenceConfig !== undefined) {
    if (!isObject(input.inferenceConfig)) return malformed("#/inferenceConfig: expected type: JSONObject");
    for (const key of maxKeys) {
      const v = (input.inferenceConfig as Json)[key];
      if (v === undefined) continue;
      if (!positiveInt(v)) return malformed(`#/inferenceConfig/${key}: expected a positive integer`);
      maxTokens = v;
    }
  }
  return { system, messages: parsed.messages, maxTokens };
}

function novaUsage(out: unknown) {
  const u = isObject(out) && isObject(out.usage) ? out.usage : {};
  return { inputTokens: num(u.inputTokens), outputTokens: num(u.outputTokens) };
}

export const nova: Family = {
  name: "nova",
  parse: (input) => parseNovaLike(input, ["max_new_tokens", "maxTokens"], 5000),
  respond(gen) {
    return {
      output: { message: { content: [{ text: gen.text }], role: "assistant" } },
      stopReason: gen.truncated ? "max_tokens" : "end_turn",
      usage: { inputTokens: gen.inputTokens, outputTokens: gen.outputTokens, totalTokens: gen.inputTokens + gen.outputTokens },
    };
  },
  usage: novaUsage,
};

/** Jobs created with modelInvocationType "Converse" take and write the Converse API shapes. */
export const converse: Family = {
  name: "converse",
  parse: (input) => parseNovaLike(input, ["maxTokens"], 4096),
  respond(gen) {
    return {
      output: { message: { role: "assistant", content: [{ text: gen.text }] } },
      stopReason: gen.truncated ? "max_tokens" : "end_turn",
      usage: { inputTokens: gen.inputTokens, outputTokens: gen.outputTokens, totalTokens: gen.inputTokens + gen.outputTokens },
      metrics: { latencyMs: 0 },
    };
  },
  usage: novaUsage,
};
