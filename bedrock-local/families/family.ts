// What every model family does: accept (or reject) a modelInput, and shape a generation as
// that family's InvokeModel response. Text and token usage live in different places per family.
import { createHash } from "node:crypto";

export type ChatRequest = {
  system?: string;
  messages: { role: "user" | "assistant"; text: string }[];
  maxTokens: number;
};

export type Generation = { text: string; inputTokens: number; outputTokens: number; truncated: boolean };

export type RespondContext = { modelId: string; recordId: string; jobId: string };

export type Family = {
  name: "anthropic" | "nova" | "llama" | "mistral" | "titan" | "converse";
  /** The request, or the message Bedrock writes into the record's error line. */
  parse(modelInput: unknown): ChatRequest | { error: string };
  respond(gen: Generation, ctx: RespondContext): unknown;
  /** Token usage read back from an output line; resume rescans checkpoints with it. */
  usage(modelOutput: unknown, modelInput: unknown): { inputTokens: number; outputTokens: number };
};

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Bedrock's wording for a body the model's schema rejects (seen in InvokeModel errors). */
export const malformed = (detail: string) => ({
  error: `Malformed input request: ${detail}, please reformat your input and try again.`,
});

export function positiveInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v > 0;
}

/** Text of a content field that is a string or an array of `{ text }` / `{ type: "text", text }` blocks. */
export function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  const parts: string[] = [];
  for (const block of content) {
    if (!isObject(block)) return undefined;
    if (typeof block.text === "string") parts.push(block.text);
  }
  return parts.join("\n");
}

export function parseMessages(
  messages: unknown,
  where: string,
): { messages: ChatRequest["messages"] } | { error: string } {
  if (messages === undefined) return malformed(`#: required key [${where}] not found`);
  if (!Array.isArray(messages) || messages.length === 0) return malformed(`#/${where}: expected a non-empty array`);
  const out: ChatRequest["messages"] = [];
  for (const [i, m] of messages.entries()) {
    if (!isObject(m)) return malformed(`#/${where}/${i}: expected type: JSONObject`);
    if (m.role !== "user" && m.role !== "assistant") return malformed(`#/${where}/${i}/role: ${String(m.role)} is not a valid enum value`);
    const text = contentText(m.content);
    if (text === undefined) return malformed(`#/${where}/${i}/content: expected a string or an array of content blocks`);
    out.push({ role: m.role, text });
  }
  return { messages: out };
}

/** Deterministic id suffix so a regenerated record gets the same id. */
export function stableId(seed: string, length: number): string {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const bytes = createHash("sha256").update(seed).digest();
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i % bytes.length]! % alphabet.length];
  return out;
}

/** Everything the model reads, in order: what input tokens are estimated from. */
export function promptText(req: ChatRequest): string {
  return [req.system ?? "", ...req.messages.map((m) => m.text)].filter(Boolean).join("\n");
}

export const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
