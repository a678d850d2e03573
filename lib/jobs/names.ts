import { createHash } from "node:crypto";

/**
 * The clientRequestToken of a batch's job part: derived from the batch and part alone, written
 * on the Job row before CreateModelInvocationJob, so every retry or restart sends the same one
 * and Bedrock returns the job it already made.
 */
export function clientRequestToken(batchId: string, part: number): string {
  return "recap" + createHash("sha256").update(`${batchId}:${part}`).digest("hex").slice(0, 40);
}

/** A Bedrock job name: [a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\+\-\.]){0,63}. */
export function jobName(batchName: string, batchId: string, part: number): string {
  const slug = batchName.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "batch";
  return `recap-${slug}-${batchId.slice(-8)}-p${part}`.replace(/-+/g, "-");
}
