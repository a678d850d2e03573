// A job as bedrock-local keeps it on disk: Bedrock's own fields plus what resume needs.
import type { Family } from "./families/family";

export type JobStatus =
  | "Submitted"
  | "Validating"
  | "Scheduled"
  | "InProgress"
  | "Completed"
  | "PartiallyCompleted"
  | "Failed"
  | "Stopping"
  | "Stopped"
  | "Expired";

export const JOB_STATUSES: readonly JobStatus[] = [
  "Submitted", "Validating", "Scheduled", "InProgress", "Completed",
  "PartiallyCompleted", "Failed", "Stopping", "Stopped", "Expired",
];

export const TERMINAL: ReadonlySet<JobStatus> = new Set(["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"]);

/** Statuses that hold one of the model's concurrent-job slots. */
export const ACTIVE: ReadonlySet<JobStatus> = new Set(["Submitted", "Validating", "Scheduled", "InProgress", "Stopping"]);

export type Tag = { key: string; value: string };

export type Counts = { processed: number; success: number; error: number; inputTokens: number; outputTokens: number };
export const zeroCounts = (): Counts => ({ processed: 0, success: 0, error: 0, inputTokens: 0, outputTokens: 0 });
export function addCounts(a: Counts, b: Counts): Counts {
  return {
    processed: a.processed + b.processed,
    success: a.success + b.success,
    error: a.error + b.error,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
  };
}

/** One input object found during Validating; `outName` is the path under <output>/<jobId>/. */
export type InputFile = { key: string; outName: string; size: number; records: number };

export type JobRecord = {
  jobId: string;
  jobArn: string;
  jobName: string;
  modelId: string;
  family: Family["name"];
  roleArn: string;
  clientRequestToken: string;
  status: JobStatus;
  message?: string;
  submitTime: string;
  lastModifiedTime: string;
  endTime?: string;
  jobExpirationTime: string;
  timeoutDurationInHours: number;
  modelInvocationType?: "InvokeModel" | "Converse";
  inputDataConfig: { s3InputDataConfig: { s3Uri: string; s3InputFormat?: string; s3BucketOwner?: string } };
  outputDataConfig: { s3OutputDataConfig: { s3Uri: string; s3EncryptionKeyId?: string; s3BucketOwner?: string } };
  vpcConfig?: { subnetIds: string[]; securityGroupIds: string[] };
  tags: Tag[];
  /** Set when Validating passes. */
  files?: InputFile[];
  totalRecords?: number;
  /** Files whose .out is uploaded, and their counts; the current file's count lives in its checkpoint. */
  filesDone: number;
  doneCounts: Counts;
  /** Live counters for GetModelInvocationJob; resume recomputes them from the checkpoint. */
  counts: Counts;
};

/** The GetModelInvocationJob / ModelInvocationJobSummary view of a job. */
export function toApiJob(job: JobRecord): Record<string, unknown> {
  const known = job.totalRecords !== undefined;
  return {
    jobArn: job.jobArn,
    jobName: job.jobName,
    modelId: job.modelId,
    clientRequestToken: job.clientRequestToken,
    roleArn: job.roleArn,
    status: job.status,
    ...(job.message !== undefined ? { message: job.message } : {}),
    submitTime: job.submitTime,
    lastModifiedTime: job.lastModifiedTime,
    ...(job.endTime ? { endTime: job.endTime } : {}),
    inputDataConfig: job.inputDataConfig,
    outputDataConfig: job.outputDataConfig,
    ...(job.vpcConfig ? { vpcConfig: job.vpcConfig } : {}),
    timeoutDurationInHours: job.timeoutDurationInHours,
    jobExpirationTime: job.jobExpirationTime,
    ...(job.modelInvocationType ? { modelInvocationType: job.modelInvocationType } : {}),
    ...(known
      ? {
          totalRecordCount: job.totalRecords,
          processedRecordCount: job.counts.processed,
          successRecordCount: job.counts.success,
          errorRecordCount: job.counts.error,
        }
      : {}),
  };
}

export const tagValue = (job: JobRecord, key: string) => job.tags.find((t) => t.key === key)?.value;
