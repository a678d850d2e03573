// What Bedrock checks while a job is Validating: the files can be read, they are JSONL of
// {recordId?, modelInput} objects, and sizes and record counts are within quota. A problem
// fails the job with a message naming the file, the line and the rule.
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { minRecordsFor, type Quotas } from "./catalog";
import type { InputFile, JobRecord } from "./job";
import { bucketExists, LineTooLongError, listObjects, objectSize, parseS3Uri, readObjectLines, s3ErrorName } from "./s3-io";

export type ValidationResult = { ok: true; files: InputFile[]; totalRecords: number } | { ok: false; message: string };

class Invalid extends Error {}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

async function findInputFiles(s3: S3Client, uri: string): Promise<InputFile[]> {
  const { bucket, key } = parseS3Uri(uri);
  if (key !== "" && !key.endsWith("/")) {
    const size = await objectSize(s3, bucket, key);
    if (size !== undefined) {
      if (!key.endsWith(".jsonl")) throw new Invalid(`Input file ${uri} is not a .jsonl file; batch inference reads JSONL files only.`);
      return [{ key, outName: path.posix.basename(key), size, records: 0 }];
    }
  }
  const prefix = key === "" || key.endsWith("/") ? key : `${key}/`;
  const objects = (await listObjects(s3, bucket, prefix)).filter((o) => o.key.endsWith(".jsonl"));
  if (objects.length === 0) throw new Invalid(`No .jsonl input files found at ${uri}.`);
  return objects.map((o) => ({ key: o.key, outName: o.key.slice(prefix.length), size: o.size, records: 0 }));
}

function checkRecord(line: string, where: string): void {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    const bom = line.charCodeAt(0) === 0xfeff ? " (it starts with a byte-order mark; save the file as UTF-8 without BOM)" : "";
    throw new Invalid(`${where}: the line is not valid JSON${bom}.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Invalid(`${where}: each line must be a JSON object.`);
  const rec = value as Record<string, unknown>;
  if (rec.modelInput === undefined) throw new Invalid(`${where}: the required field "modelInput" is missing.`);
  if (typeof rec.modelInput !== "object" || rec.modelInput === null || Array.isArray(rec.modelInput)) {
    throw new Invalid(`${where}: "modelInput" must be a JSON object (the InvokeModel request body).`);
  }
  if (rec.recordId !== undefined && (typeof rec.recordId !== "string" || rec.recordId === "")) {
    throw new Invalid(`${where}: "recordId" must be a non-empty string.`);
  }
}

export async function validateInput(s3: S3Client, job: JobRecord, quotas: Quotas, signal: AbortSignal): Promise<ValidationResult> {
  const inputUri = job.inputDataConfig.s3InputDataConfig.s3Uri;
  const outputUri = job.outputDataConfig.s3OutputDataConfig.s3Uri;
  const { bucket } = parseS3Uri(inputUri);
  try {
    const files = await findInputFiles(s3, inputUri);
    let totalBytes = 0;
    for (const f of files) {
      const uri = `s3://${bucket}/${f.key}`;
      if (f.size > quotas.maxFileBytes) throw new Invalid(`Input file ${uri} is ${mb(f.size)}; the maximum file size is ${mb(quotas.maxFileBytes)}.`);
      totalBytes += f.size;
    }
    if (totalBytes > quotas.maxJobBytes) throw new Invalid(`The input files add up to ${mb(totalBytes)}; the maximum per job is ${mb(quotas.maxJobBytes)}.`);
    if (!(await bucketExists(s3, parseS3Uri(outputUri).bucket))) {
      throw new Invalid(`Unable to write to the output location ${outputUri}: the bucket does not exist or the role ${job.roleArn} cannot access it.`);
    }
    let total = 0;
    for (const f of files) {
      const uri = `s3://${bucket}/${f.key}`;
      let lineNo = 0;
      try {
        for await (const line of readObjectLines(s3, bucket, f.key, quotas.maxLineBytes, signal)) {
          lineNo++;
          if (line.trim() === "") continue;
          const where = `Invalid record in ${uri}, line ${lineNo}`;
          checkRecord(line, where);
          f.records++;
          total++;
          if (f.records > quotas.maxRecordsPerFile) throw new Invalid(`${uri} has more than ${quotas.maxRecordsPerFile} records (line ${lineNo}); the maximum per file is ${quotas.maxRecordsPerFile}.`);
          if (total > quotas.maxRecordsPerJob) throw new Invalid(`The job has more than ${quotas.maxRecordsPerJob} records (at ${uri}, line ${lineNo}); the maximum per job is ${quotas.maxRecordsPerJob}.`);
        }
      } catch (err) {
        if (err instanceof LineTooLongError) throw new Invalid(`Invalid record in ${uri}, line ${lineNo + 1}: the line is ${err.message}.`);
        throw err;
      }
    }
    const min = minRecordsFor(quotas, job.modelId);
    if (total < min) {
      throw new Invalid(`The job has ${total} records; ${job.modelId} needs at least ${min} records per batch inference job.`);
    }
    return { ok: true, files, totalRecords: total };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message };
    if (signal.aborted) throw err;
    const name = s3ErrorName(err);
    if (name === "NoSuchBucket" || name === "NotFound" || name === "AccessDenied" || name === "Forbidden") {
      return { ok: false, message: `Unable to read the input location ${inputUri} with role ${job.roleArn}: ${name}.` };
    }
    return { ok: false, message: `Unable to read the input location ${inputUri}: ${(err as Error).message}` };
  }
}
