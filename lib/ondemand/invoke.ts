import "server-only";
import { InvokeModelCommand, type BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { ModelFamily } from "@/lib/prompts/families";
import { buildModelInput } from "@/lib/prompts/model-input";
import { renderTemplate } from "@/lib/prompts/template";
import { readModelOutput } from "@/lib/results/model-output";
import { parseSummary } from "@/lib/results/parse-summary";

export type CallModel = { modelId: string; family: ModelFamily; maxTokens: number; temperature: number };

/** What one call came back as: the same fields a batch output line becomes. */
export type CallResult =
  | { kind: "ok"; summary: string | null; fields: object | null; sentiment: string | null; inputTokens: number | null; outputTokens: number | null }
  | { kind: "error"; errorCode: number; errorMessage: string }
  /** Still throttled after the SDK's retries: try the call again later, record nothing. */
  | { kind: "later"; message: string }
  /** The model or the credentials cannot be used at all: no other call will do better. */
  | { kind: "fatal"; message: string };

const LATER = new Set(["ThrottlingException", "ServiceUnavailableException", "ModelNotReadyException"]);
const FATAL = new Set(["AccessDeniedException", "ResourceNotFoundException", "UnrecognizedClientException"]);

/** One transcript through InvokeModel with the batch's own modelInput, read like a batch output line. */
export async function invokeOne(opts: {
  runtime: BedrockRuntimeClient;
  model: CallModel;
  template: { body: string; expectsJson: boolean };
  transcript: { callId: string; text: string };
  signal?: AbortSignal;
}): Promise<CallResult> {
  const { model, template, transcript } = opts;
  const prompt = renderTemplate(template.body, { transcript: transcript.text, callId: transcript.callId });
  const modelInput = buildModelInput(model.family, { prompt, maxTokens: model.maxTokens, temperature: model.temperature });
  let body: unknown;
  try {
    const out = await opts.runtime.send(
      new InvokeModelCommand({ modelId: model.modelId, body: JSON.stringify(modelInput), contentType: "application/json", accept: "application/json" }),
      { abortSignal: opts.signal },
    );
    body = JSON.parse(new TextDecoder().decode(out.body));
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    if (LATER.has(err.name)) return { kind: "later", message: `${err.name}: ${err.message}` };
    if (FATAL.has(err.name)) return { kind: "fatal", message: `Bedrock refused the call (${err.name}): ${err.message}` };
    if (err.$metadata?.httpStatusCode) return { kind: "error", errorCode: err.$metadata.httpStatusCode, errorMessage: `${err.name}: ${err.message}` };
    throw e; // not an answer from Bedrock (network, abort): the tracker retries the slice later
  }
  const text = readModelOutput(body);
  if (!text) return { kind: "error", errorCode: 0, errorMessage: "The model's response has no text in any known shape." };
  const s = parseSummary(text.text, template.expectsJson);
  return {
    kind: "ok", summary: s.fields?.summary || s.summaryText, fields: s.fields ?? null, sentiment: s.sentiment,
    inputTokens: text.inputTokens ?? null, outputTokens: text.outputTokens ?? null,
  };
}
