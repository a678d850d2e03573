// Errors answered the way Bedrock answers them: the SDK picks the exception class from the
// `x-amzn-errortype` header (text before ':') and trusts the HTTP status for retry decisions.

/** HTTP status per error name, as @aws-sdk/client-bedrock's error schemas declare them. */
export const ERROR_STATUS: Record<string, number> = {
  ValidationException: 400,
  ConflictException: 400,
  ServiceQuotaExceededException: 400,
  ResourceInUseException: 400,
  TooManyTagsException: 400,
  SerializationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
  ThrottlingException: 429,
  // bedrock-runtime's own (InvokeModel, Converse)
  ModelErrorException: 424,
  ModelTimeoutException: 408,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
};

export class BedrockError extends Error {
  readonly status: number;
  constructor(
    readonly errorName: string,
    message: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[errorName] ?? 400;
  }
}

export const validation = (message: string) => new BedrockError("ValidationException", message);

/** The wording AWS's request validator uses, so logs read like real Bedrock's. */
export function constraintMessage(problems: string[]): string {
  const n = problems.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${problems.join("; ")}`;
}

export function patternProblem(value: unknown, field: string, pattern: string): string {
  return `Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`;
}
