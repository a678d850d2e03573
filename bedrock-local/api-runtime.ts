// The bedrock-runtime routes beside the batch ones: InvokeModel (POST /model/{modelId}/invoke)
// and Converse (POST /model/{modelId}/converse), answered by the same families and the same
// summarizer a batch job uses, so @aws-sdk/client-bedrock-runtime works unchanged against it.
import { createHash, randomUUID } from "node:crypto";
import { findModel } from "./catalog";
import { BedrockError, validation } from "./errors";
import { familyByName } from "./families";
import type { Family } from "./families/family";
import type { Faults } from "./faults";
import { RecordError, type TextModel } from "./text-model";

export type RuntimeContext = { model: TextModel; faults: Faults };

/** Share (0..1) a request body falls into; the same prompt always lands in the same place. */
function bodyShare(body: unknown): number {
  return createHash("sha1").update(JSON.stringify(body)).digest().readUInt32BE(0) / 0x1_0000_0000;
}

const defaultTag = (faults: Faults, key: string) => Number(faults.jobTags.find((t) => t.key === key)?.value ?? 0);

async function answer(ctx: RuntimeContext, modelId: string, body: Record<string, unknown>, family: (f: Family["name"]) => Family) {
  const served = findModel(modelId);
  if (!served) throw validation("The provided model identifier is invalid.");
  const fam = family(served.family);
  // The job-level fault tags (PUT /_local/job-tags) apply to on-demand calls too, so one
  // setting makes a share of records fail whichever way they are run.
  const slowMs = defaultTag(ctx.faults, "bedrock-local:slow-ms");
  if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
  const failShare = defaultTag(ctx.faults, "bedrock-local:fail-records");
  if (failShare > 0 && bodyShare(body) < failShare) {
    throw new BedrockError("ModelErrorException", "Injected failure (bedrock-local:fail-records): the model could not process this request.");
  }
  const req = fam.parse(body);
  if ("error" in req) throw validation(req.error);
  try {
    const gen = await ctx.model.generate(req);
    return fam.respond(gen, { modelId: served.modelId, recordId: randomUUID(), jobId: "runtime" }) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof RecordError && err.errorCode === 429) throw new BedrockError("ThrottlingException", err.message);
    if (err instanceof RecordError) throw new BedrockError("ModelErrorException", err.message);
    throw err;
  }
}

/** InvokeModel: the body is the family's own request; the answer is its InvokeModel response. */
export const invokeModel = (ctx: RuntimeContext, modelId: string, body: Record<string, unknown>) =>
  answer(ctx, modelId, body, familyByName);

/** Converse: one request and response shape for every family. */
export const converseModel = (ctx: RuntimeContext, modelId: string, body: Record<string, unknown>) =>
  answer(ctx, modelId, body, () => familyByName("converse"));
