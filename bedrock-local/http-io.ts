// Reading requests and writing answers in Bedrock's REST-JSON shape.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BedrockError } from "./errors";

const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BedrockError("ValidationException", "Request body is too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through: the SDK never sends this, a hand-written client might
  }
  throw new BedrockError("SerializationException", "Request body is not a JSON object");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: BedrockError): void {
  const text = JSON.stringify({ message: err.message });
  res.writeHead(err.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
    // Real AWS appends a namespace after ':'; the SDK must strip it, so we send it too.
    "x-amzn-errortype": `${err.errorName}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
  res.end(text);
}

/** `amz-sdk-request: attempt=2; max=3` -> { attempt: 2, maxAttempts: 3 } */
export function sdkAttempt(req: IncomingMessage): { invocationId?: string; attempt?: number; maxAttempts?: number } {
  const header = String(req.headers["amz-sdk-request"] ?? "");
  const attempt = /attempt=(\d+)/.exec(header)?.[1];
  const max = /max=(\d+)/.exec(header)?.[1];
  const id = req.headers["amz-sdk-invocation-id"];
  return {
    invocationId: typeof id === "string" ? id : undefined,
    attempt: attempt ? Number(attempt) : undefined,
    maxAttempts: max ? Number(max) : undefined,
  };
}
