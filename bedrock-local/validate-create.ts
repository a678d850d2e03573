// CreateModelInvocationJob checks its own parameters synchronously, with AWS's constraint
// wording; what is inside the files is checked later, while the job is Validating.
import { findModel, type ServedModel } from "./catalog";
import { constraintMessage, patternProblem, validation } from "./errors";
import { isObject } from "./families/family";
import type { JobRecord, Tag } from "./job";
import { S3_URI } from "./s3-io";

const JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const TOKEN = /^[a-zA-Z0-9]{1,256}(-*[a-zA-Z0-9])*$/;
const TAG_KEY = /^[a-zA-Z0-9\s._:/=+@-]*$/;
const MODEL_ID = /^[a-zA-Z_.\-/0-9:]+$/;

export type CreateInput = Pick<JobRecord, "jobName" | "roleArn" | "modelId" | "inputDataConfig" | "outputDataConfig" | "vpcConfig" | "timeoutDurationInHours" | "modelInvocationType" | "tags"> & {
  clientRequestToken?: string;
  model: ServedModel;
};

const LOCAL_TAGS: Record<string, (v: string) => boolean> = {
  "bedrock-local:fail-records": (v) => Number(v) >= 0 && Number(v) <= 1,
  "bedrock-local:fail-job": () => true,
  "bedrock-local:slow-ms": (v) => Number.isInteger(Number(v)) && Number(v) >= 0,
  "bedrock-local:timeout-records": (v) => Number.isInteger(Number(v)) && Number(v) >= 0,
  "bedrock-local:pacing": (v) => /^(immediate|manual|timed(:\d+(\.\d+)?)?)$/.test(v),
};

export function validateCreate(body: Record<string, unknown>): CreateInput {
  const problems: string[] = [];
  const str = (field: string): string | undefined => {
    const v = body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") problems.push(`Value at '${field}' failed to satisfy constraint: Member must be a string`);
    return typeof v === "string" ? v : undefined;
  };
  const required = (field: string, v: unknown) => v === undefined && problems.push(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);

  const jobName = str("jobName");
  required("jobName", jobName);
  if (jobName !== undefined && (!JOB_NAME.test(jobName) || jobName.length > 63)) problems.push(patternProblem(jobName, "jobName", JOB_NAME.source.slice(1, -1)));
  const roleArn = str("roleArn");
  required("roleArn", roleArn);
  if (roleArn !== undefined && (!ROLE_ARN.test(roleArn) || roleArn.length > 2048)) problems.push(patternProblem(roleArn, "roleArn", ROLE_ARN.source.slice(1, -1)));
  const token = str("clientRequestToken");
  if (token !== undefined && (!TOKEN.test(token) || token.length > 256)) problems.push(patternProblem(token, "clientRequestToken", TOKEN.source.slice(1, -1)));
  const modelId = str("modelId");
  required("modelId", modelId);
  if (modelId !== undefined && (!MODEL_ID.test(modelId) || modelId.length > 2048)) problems.push(patternProblem(modelId, "modelId", MODEL_ID.source.slice(1, -1)));

  const s3Config = (field: string, member: string) => {
    const outer = body[field];
    required(field, outer);
    if (outer === undefined) return undefined;
    const inner = isObject(outer) ? outer[member] : undefined;
    if (!isObject(inner) || typeof inner.s3Uri !== "string") {
      problems.push(`Value at '${field}.${member}.s3Uri' failed to satisfy constraint: Member must not be null`);
      return undefined;
    }
    if (!S3_URI.test(inner.s3Uri) || inner.s3Uri.length > 1024) problems.push(patternProblem(inner.s3Uri, `${field}.${member}.s3Uri`, S3_URI.source.slice(1, -1)));
    return inner as { s3Uri: string };
  };
  const input = s3Config("inputDataConfig", "s3InputDataConfig") as CreateInput["inputDataConfig"]["s3InputDataConfig"] | undefined;
  if (input?.s3InputFormat !== undefined && input.s3InputFormat !== "JSONL") problems.push(`Value '${String(input.s3InputFormat)}' at 'inputDataConfig.s3InputDataConfig.s3InputFormat' failed to satisfy constraint: Member must satisfy enum value set: [JSONL]`);
  const output = s3Config("outputDataConfig", "s3OutputDataConfig") as CreateInput["outputDataConfig"]["s3OutputDataConfig"] | undefined;

  const timeout = body.timeoutDurationInHours ?? 168;
  if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 24 || timeout > 168) {
    problems.push(`Value '${String(timeout)}' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168`);
  }
  const invocationType = body.modelInvocationType;
  if (invocationType !== undefined && invocationType !== "InvokeModel" && invocationType !== "Converse") {
    problems.push(`Value '${String(invocationType)}' at 'modelInvocationType' failed to satisfy constraint: Member must satisfy enum value set: [InvokeModel, Converse]`);
  }
  const tags = parseTags(body.tags, problems);
  if (problems.length > 0) throw validation(constraintMessage(problems));

  const model = findModel(modelId!);
  if (!model) throw validation(`The provided model identifier is invalid: ${modelId}. bedrock-local serves the models ListFoundationModels lists.`);
  return {
    jobName: jobName!,
    roleArn: roleArn!,
    clientRequestToken: token,
    modelId: modelId!,
    model,
    inputDataConfig: { s3InputDataConfig: input! },
    outputDataConfig: { s3OutputDataConfig: output! },
    vpcConfig: isObject(body.vpcConfig) ? (body.vpcConfig as JobRecord["vpcConfig"]) : undefined,
    timeoutDurationInHours: timeout as number,
    modelInvocationType: invocationType as CreateInput["modelInvocationType"],
    tags,
  };
}

function parseTags(raw: unknown, problems: string[]): Tag[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 200) {
    problems.push("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200");
    return [];
  }
  const tags: Tag[] = [];
  for (const [i, t] of raw.entries()) {
    const key = isObject(t) ? t.key : undefined;
    const value = isObject(t) ? t.value : undefined;
    if (typeof key !== "string" || key.length < 1 || key.length > 128 || !TAG_KEY.test(key)) problems.push(patternProblem(key, `tags.${i + 1}.member.key`, TAG_KEY.source.slice(1, -1)));
    else if (typeof value !== "string" || value.length > 256) problems.push(`Value at 'tags.${i + 1}.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`);
    else if (LOCAL_TAGS[key] && !LOCAL_TAGS[key](value)) problems.push(`Value '${value}' at 'tags.${i + 1}.member.value' is not valid for the bedrock-local tag ${key}`);
    else tags.push({ key, value });
  }
  return tags;
}
