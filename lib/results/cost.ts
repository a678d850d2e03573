/** Prices in USD per million tokens. Pass batch prices: Bedrock bills batch jobs at their own (usually half) rate. */
export type TokenPrices = { inputPricePerMTok: number; outputPricePerMTok: number };

export type BatchCost = { records: number; inputTokens: number; outputTokens: number; costUsd: number };

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}

/** Cost in USD of the given token counts at the given prices. */
export function estimateCost(opts: { inputTokens: number; outputTokens: number } & TokenPrices): number {
  const { inputTokens, outputTokens, inputPricePerMTok, outputPricePerMTok } = opts;
  for (const [name, value] of Object.entries(opts)) assertCount(name, value);
  // One division at the end keeps typical sums exact to the cent (fewer rounding steps).
  return (inputTokens * inputPricePerMTok + outputTokens * outputPricePerMTok) / 1_000_000;
}

/**
 * Estimates a batch before it is submitted. Input tokens are estimated as ceil(inputChars / 4),
 * the usual rule of thumb for English text: no tokenizer is run, so real counts (in the
 * manifest afterwards) differ by model and language. `inputChars` is the total over all records
 * of the prompt text sent; output tokens are `records * expectedOutputTokensPerRecord`.
 */
export function estimateBatchCost(opts: {
  records: number;
  inputChars: number;
  expectedOutputTokensPerRecord: number;
  prices: TokenPrices;
}): BatchCost {
  const { records, inputChars, expectedOutputTokensPerRecord, prices } = opts;
  assertCount("records", records);
  assertCount("inputChars", inputChars);
  assertCount("expectedOutputTokensPerRecord", expectedOutputTokensPerRecord);
  const inputTokens = Math.ceil(inputChars / 4);
  const outputTokens = records * expectedOutputTokensPerRecord;
  return { records, inputTokens, outputTokens, costUsd: estimateCost({ inputTokens, outputTokens, ...prices }) };
}

/** Estimated tokens of one text, by the same ceil(chars / 4) rule as estimateBatchCost. */
export { estimateTokens } from "@/lib/transcripts/tokens";

/** Bedrock bills batch inference at half the on-demand price for most models. */
export const BATCH_DISCOUNT = 0.5;

/** A model's on-demand (InvokeModel) prices: the admin's figures, else the batch prices doubled. */
export function onDemandPrices(m: TokenPrices & { onDemandInputPricePerMTok: number | null; onDemandOutputPricePerMTok: number | null }): TokenPrices {
  return {
    inputPricePerMTok: m.onDemandInputPricePerMTok ?? m.inputPricePerMTok / BATCH_DISCOUNT,
    outputPricePerMTok: m.onDemandOutputPricePerMTok ?? m.outputPricePerMTok / BATCH_DISCOUNT,
  };
}
