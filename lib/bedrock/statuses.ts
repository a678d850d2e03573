// Bedrock's job statuses, in Bedrock's words, plus our own "Pending" (not yet created).
export const ACTIVE_STATUSES = ["Submitted", "Validating", "Scheduled", "InProgress", "Stopping"] as const;
export const TERMINAL_STATUSES = ["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"] as const;
/** Terminal statuses whose output files hold results worth reading. */
export const INGESTIBLE_STATUSES = ["Completed", "PartiallyCompleted", "Stopped"] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export function isIngestible(status: string): boolean {
  return (INGESTIBLE_STATUSES as readonly string[]).includes(status);
}

/** The bare 12-character job id at the end of a job ARN. */
export function jobIdFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}
