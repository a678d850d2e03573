// Anthropic Claude Messages API on Bedrock (anthropic_version "bedrock-2023-05-31").
import { contentText, isObject, malformed, num, parseMessages, positiveInt, stableId, type Family } from "./family";

/** "us.anthropic.claude-3-haiku-20240307-v1:0" -> "claude-3-haiku-20240307", as the response names it. */
export function claudeModelName(modelId: string): string {
  const bare = modelId.replace(/^.*foundation-model\//, "").replace(/^[a-z]{2,6}\.(?=anthropic\.)/, "");
  return bare.replace(/^anthropic\./, "").replace(/-v\d+(:\d+)?$/, "");
}

export const anthropic: Family = {
  name: "anthropic",
  parse(input) {
    if (!isObject(input)) return malformed("#: expected type: JSONObject");
    if (input.anthropic_version === undefined) return malformed("#: required key [anthropic_version] not found");
    if (input.anthropic_version !== "bedrock-2023-05-31") return malformed(`#/anthropic_version: ${String(input.anthropic_version)} is not a valid enum value`);
    if (input.max_tokens === undefined) return malformed("#: required key [max_tokens] not found");
    if (!positiveInt(input.max_tokens)) return malformed("#/max_tokens: expected a positive integer");
    const parsed = parseMessages(input.messages, "messages");
    if ("error" in parsed) return parsed;
    let system: string | undefined;
    if (input.system !== undefined) {
      system = contentText(input.system);
      if (system === undefined) return malformed("#/system: expected a string or an array of text blocks");
    }
    return { system, messages: parsed.messages, maxTokens: input.max_tokens };
  },
  respond(gen, ctx) {
    return {
      id: `msg_bdrk_${stableId(`${ctx.jobId}/${ctx.recordId}`, 24)}`,
      type: "message",
      role: "assistant",
      model: claudeModelName(ctx.modelId),
      content: [{ type: "text", text: gen.text }],
      stop_reason: gen.truncated ? "max_tokens" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: gen.inputTokens, output_tokens: gen.outputTokens },
    };
  },
  usage(out) {
    const u = isObject(out) && isObject(out.usage) ? out.usage : {};
    return { inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens) };
  },
};
