// Where a record's text comes from: the built-in summarizer, or an OpenAI-compatible
// chat-completions endpoint (Ollama, vLLM, llama.cpp, ...) when one is configured.
import { promptText, type ChatRequest, type Generation } from "./families/family";
import { builtInAnswer } from "./summarizer/answer";
import { SummarizerPool } from "./summarizer/pool";
import { estimateTokens } from "./tokens";

export type OpenAiConfig = { baseUrl: string; model: string; apiKey?: string; timeoutMs?: number };

/** A record the model could not answer; becomes an error line with this code. */
export class RecordError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export type TextModel = { generate(req: ChatRequest, signal?: AbortSignal): Promise<Generation>; concurrency: number; close?(): Promise<void> };

function fit(text: string, req: ChatRequest, inputTokens: number, outputTokens?: number): Generation {
  // An assistant prefill ("{") is continued, not repeated, as Claude does.
  const last = req.messages[req.messages.length - 1];
  if (last?.role === "assistant" && last.text && text.startsWith(last.text)) text = text.slice(last.text.length);
  const limit = req.maxTokens * 4;
  const truncated = (outputTokens ?? estimateTokens(text)) > req.maxTokens;
  const out = truncated && outputTokens === undefined ? text.slice(0, limit) : text;
  return { text: out, inputTokens, outputTokens: outputTokens ?? estimateTokens(out), truncated };
}

/** The built-in summarizer, inline (workers = 0) or on worker threads. */
export function builtInModel(workers: number): TextModel {
  const pool = workers > 0 ? new SummarizerPool(workers) : undefined;
  return {
    // Enough records in flight to keep every worker busy while the main thread does I/O.
    concurrency: pool ? 32 * workers : 1,
    async generate(req) {
      const users = req.messages.filter((m) => m.role === "user").map((m) => m.text);
      const prompt = [req.system ?? "", ...users].filter(Boolean).join("\n");
      const answer = pool ? await pool.answer(prompt) : builtInAnswer(prompt);
      return fit(answer, req, estimateTokens(promptText(req)));
    },
    close: async () => pool?.close(),
  };
}

export function openAiModel(cfg: OpenAiConfig, concurrency = 4): TextModel {
  const url = cfg.baseUrl.replace(/\/+$/, "") + "/chat/completions";
  return {
    concurrency,
    async generate(req, signal) {
      const messages = [
        ...(req.system ? [{ role: "system", content: req.system }] : []),
        ...req.messages.map((m) => ({ role: m.role, content: m.text })),
      ];
      const body = JSON.stringify({ model: cfg.model, messages, max_tokens: req.maxTokens, stream: false });
      let lastError: RecordError | undefined;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}) },
          body,
          signal: AbortSignal.any([AbortSignal.timeout(cfg.timeoutMs ?? 120_000), ...(signal ? [signal] : [])]),
        }).catch((err: Error) => {
          throw new RecordError(500, `Model endpoint unreachable: ${err.message}`);
        });
        if (res.ok) {
          const data = (await res.json()) as { choices?: { message?: { content?: string }; finish_reason?: string }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } };
          const choice = data.choices?.[0];
          if (typeof choice?.message?.content !== "string") throw new RecordError(500, "Model endpoint returned no message content");
          const gen = fit(choice.message.content, req, data.usage?.prompt_tokens ?? estimateTokens(promptText(req)), data.usage?.completion_tokens);
          return { ...gen, truncated: gen.truncated || choice.finish_reason === "length" };
        }
        lastError = new RecordError(res.status, `Model endpoint answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
        // Only overload and server errors are worth another try; a 400 will not change.
        if (res.status !== 429 && res.status < 500) break;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
      throw lastError!;
    },
  };
}
