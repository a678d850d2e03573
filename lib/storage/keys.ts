// Where things live in the bucket. Bedrock writes output under <outputUri>/<jobId>/.
export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new Error(`not an S3 URI: ${uri}`);
  return { bucket: m[1], key: m[2] };
}

export const keys = {
  upload: (prefix: string, datasetId: string, fileName: string) => `${prefix}/${datasetId}/${safeName(fileName)}`,
  /** A job part's folder under the input or output prefix: one JSONL file in, Bedrock's files out. */
  batchPart: (prefix: string, batchId: string, part: number) => `${prefix}/${batchId}/part-${String(part).padStart(3, "0")}/`,
  /** Bedrock appends the job id to the output URI it was given. */
  jobOutputDir: (outputUri: string, jobId: string) => `${parseS3Uri(outputUri).key.replace(/\/?$/, "/")}${jobId}/`,
};

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 200) || "upload";
}
