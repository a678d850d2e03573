// How many tokens a model can read, from the providers' model cards (input + output share the
// context window). Recap's own upload cap (lib/datasets/ingest.ts MAX_INPUT_TOKENS) is checked per
// call at upload, before any model is chosen; this is checked at prepare time, per model.

const CONTEXT_TOKENS: [RegExp, number][] = [
  [/^(?:[a-z]{2}\.)?anthropic\.claude/, 200_000],
  [/^(?:[a-z]{2}\.)?amazon\.nova-(lite|pro)/, 300_000],
  [/^(?:[a-z]{2}\.)?amazon\.nova-micro/, 128_000],
  [/^(?:[a-z]{2}\.)?meta\.llama3-(8b|70b)-instruct/, 8_192],
  [/^(?:[a-z]{2}\.)?meta\.llama3-\d+-/, 128_000],
  [/^(?:[a-z]{2}\.)?mistral\.mistral-large-2407/, 128_000],
  [/^(?:[a-z]{2}\.)?mistral\./, 32_000],
  [/^amazon\.titan-text-lite/, 4_096],
  [/^amazon\.titan-text-express/, 8_192],
  [/^amazon\.titan-text-premier/, 32_000],
];

/** The context window of a Bedrock model id, when Recap knows it. */
export function contextTokensOf(modelId: string): number | undefined {
  return CONTEXT_TOKENS.find(([pattern]) => pattern.test(modelId))?.[1];
}

/**
 * The most input tokens one record may have for this model: its context window less the output
 * it is allowed (maxTokens), and never more than the model's configured maxInputTokens.
 */
export function inputLimitOf(model: { modelId: string; maxTokens: number; maxInputTokens: number }): { tokens: number; contextTokens?: number } {
  const contextTokens = contextTokensOf(model.modelId);
  const fromContext = contextTokens === undefined ? Infinity : contextTokens - model.maxTokens;
  return { tokens: Math.max(0, Math.min(model.maxInputTokens, fromContext)), contextTokens };
}
