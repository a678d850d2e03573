import { z } from "zod";

export const Sentiment = z.enum(["positive", "neutral", "negative", "mixed"]);
export type Sentiment = z.infer<typeof Sentiment>;

/** Maps a model's sentiment word ("Positive", "mostly negative", "Mixed.") to one of the four; null if unclear. */
export function normaliseSentiment(value: unknown): Sentiment | null {
  if (typeof value !== "string") return null;
  const word = value.trim().toLowerCase().replace(/[^a-z ]/g, "");
  const exact = Sentiment.safeParse(word);
  if (exact.success) return exact.data;
  const has = (w: string) => new RegExp(`\\b${w}\\b`).test(word);
  if (has("mixed") || (has("positive") && has("negative"))) return "mixed";
  if (has("negative")) return "negative";
  if (has("positive")) return "positive";
  if (has("neutral")) return "neutral";
  return null;
}

const text = z.string().trim().catch("");
// Models sometimes answer a list as one string, or mix in numbers; keep what reads as an item.
const items = z
  .preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(z.unknown()).transform((list) =>
      list
        .filter((x) => typeof x === "string" || typeof x === "number")
        .map((x) => String(x).trim())
        .filter((x) => x !== ""),
    ),
  )
  .catch([]);

/** The fields the default template asks for. Missing keys become empty values; extra keys are dropped. */
export const SummaryFields = z.object({
  summary: text,
  reason_for_call: text,
  resolution: text,
  customer_sentiment: z.unknown().optional().transform(normaliseSentiment),
  action_items: items,
  topics: items,
});
export type SummaryFields = z.infer<typeof SummaryFields>;

export type ParsedSummary = { fields: SummaryFields | null; summaryText: string; sentiment: Sentiment | null };

const KEYS = Object.keys(SummaryFields.shape) as (keyof SummaryFields)[];
// "reasonForCall", "Reason for call", "sentiment" all name the same field.
const squash = (key: string) => key.toLowerCase().replace(/[^a-z]/g, "");
const ALIASES = new Map<string, keyof SummaryFields>([...KEYS.map((k) => [squash(k), k] as const), ["sentiment", "customer_sentiment"]]);

function canonicalKeys(object: Record<string, unknown>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const canonical = ALIASES.get(squash(key));
    if (canonical !== undefined && !(canonical in out)) out[canonical] = value;
  }
  // An object sharing none of our keys is some other JSON, not the answer we asked for.
  return Object.keys(out).length > 0 ? out : null;
}

// Each brace scan is linear in the text, so untrusted text full of "{" must not make this quadratic.
const MAX_BRACE_STARTS = 32;

/** Objects written in the text: fenced blocks first, then balanced {...} spans, in order. */
function* jsonObjectCandidates(text: string): Generator<string> {
  for (const fence of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) yield fence[1];
  let start = text.indexOf("{");
  for (let tries = 0; start !== -1 && tries < MAX_BRACE_STARTS; tries++) {
    const end = balancedEnd(text, start);
    if (end !== -1) yield text.slice(start, end + 1);
    start = text.indexOf("{", start + 1);
  }
}

// Index of the brace closing the one at `start`, skipping braces inside JSON strings; -1 if unclosed.
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

function findSummaryObject(text: string): Record<string, unknown> | null {
  for (const candidate of jsonObjectCandidates(text)) {
    let value: unknown;
    try {
      value = JSON.parse(candidate.trim());
    } catch {
      continue;
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const object = canonicalKeys(value as Record<string, unknown>);
      if (object !== null) return object;
    }
  }
  return null;
}

/**
 * Turns a model's answer into summary fields when it holds the JSON the template asked for,
 * even inside fences or prose. Anything else is kept whole as plain summary text.
 */
export function parseSummary(modelText: string, expectsJson = true): ParsedSummary {
  const plain: ParsedSummary = { fields: null, summaryText: modelText.trim(), sentiment: null };
  if (!expectsJson) return plain;
  const object = findSummaryObject(modelText);
  if (object === null) return plain;
  const parsed = SummaryFields.safeParse(object);
  if (!parsed.success) return plain;
  const fields = parsed.data;
  // A JSON answer without a summary still has the rest; show the model's own text rather than nothing.
  const summaryText = fields.summary !== "" ? fields.summary : plain.summaryText;
  return { fields, summaryText, sentiment: fields.customer_sentiment };
}
