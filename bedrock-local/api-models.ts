// ListFoundationModels and GetFoundationModel for the models bedrock-local serves.
import { findModel, modelArn, MODELS, type ServedModel } from "./catalog";
import { validation } from "./errors";

function describe(region: string, m: ServedModel): Record<string, unknown> {
  return {
    modelArn: modelArn(region, m.modelId),
    modelId: m.modelId,
    modelName: m.modelName,
    providerName: m.providerName,
    inputModalities: m.inputModalities,
    outputModalities: ["TEXT"],
    responseStreamingSupported: true,
    customizationsSupported: [],
    // The SDK's InferenceType has no BATCH member; Bedrock lists batch-capable models as ON_DEMAND.
    inferenceTypesSupported: ["ON_DEMAND"],
    modelLifecycle: { status: "ACTIVE" },
  };
}

export function listFoundationModels(region: string, query: URLSearchParams): Record<string, unknown> {
  const provider = query.get("byProvider");
  const output = query.get("byOutputModality");
  const inference = query.get("byInferenceType");
  const customization = query.get("byCustomizationType");
  if (provider !== null && !/^[A-Za-z0-9- ]{1,63}$/.test(provider)) {
    throw validation(`1 validation error detected: Value '${provider}' at 'byProvider' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}`);
  }
  const models = MODELS.filter(
    (m) =>
      (provider === null || m.providerName.toLowerCase().replace(/ ai$/, "") === provider.toLowerCase().replace(/ ai$/, "")) &&
      (output === null || output === "TEXT") &&
      (inference === null || inference === "ON_DEMAND") &&
      customization === null,
  );
  return { modelSummaries: models.map((m) => describe(region, m)) };
}

export function getFoundationModel(region: string, identifier: string): Record<string, unknown> {
  const model = findModel(identifier);
  if (!model) throw validation(`The provided model identifier is invalid: ${identifier}.`);
  return { modelDetails: describe(region, model) };
}
