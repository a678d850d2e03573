// The token estimator: ceil(characters / 4), at least 1 for non-empty text. It is the rule
// of thumb Anthropic and OpenAI publish for English; deterministic, so a regenerated record
// and a resumed manifest count the same. Characters are UTF-16 code units (String.length).
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}
