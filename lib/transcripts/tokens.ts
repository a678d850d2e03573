// The one token estimate shared by validation, the app and cost estimates, so they agree.
// Four characters per token is the usual rough figure for English text.

/** Rough token count of a text: ceil(chars / 4). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
