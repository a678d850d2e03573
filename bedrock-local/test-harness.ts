// The real stack for tests: s3rver in a temp dir, bedrock-local on a random port, and the
// real SDK clients pointed at them. No mocks: what passes here passes against the wire.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BedrockClient, CreateModelInvocationJobCommand, GetModelInvocationJobCommand, type CreateModelInvocationJobCommandInput } from "@aws-sdk/client-bedrock";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startLocalS3, type LocalS3 } from "../scripts/stack/local-s3";
import { startBedrockLocal, type BedrockLocal, type BedrockLocalOptions } from "./server";

export const BUCKET = "recap";
export const ROLE_ARN = "arn:aws:iam::123456789012:role/RecapBedrockBatch";
export const REAL_INPUT = path.resolve(__dirname, "../../shared/data/serverless-patterns-batch-input/input.jsonl");
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type Stack = {
  bedrock: BedrockClient;
  s3: S3Client;
  service: BedrockLocal;
  localS3: LocalS3;
  dataDir: string;
  restart(overrides?: Partial<BedrockLocalOptions>): Promise<void>;
  admin<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T>;
  put(key: string, body: string): Promise<void>;
  text(key: string): Promise<string>;
  keys(prefix: string): Promise<string[]>;
  create(overrides?: Partial<CreateModelInvocationJobCommandInput>): Promise<string>;
  waitFor(jobArn: string, statuses: string[], timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
};

export async function startStack(overrides: Partial<BedrockLocalOptions> = {}): Promise<Stack> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bedrock-local-test-"));
  const localS3 = await startLocalS3({ directory: path.join(root, "s3"), port: 0, buckets: [BUCKET] });
  const dataDir = path.join(root, "bedrock");
  const options = (): BedrockLocalOptions => ({ port: 0, dataDir, s3: { endpoint: localS3.endpoint }, quotas: { minRecordsPerJob: 1 }, ...overrides });
  const stack: Stack = {
    service: await startBedrockLocal(options()),
    localS3,
    dataDir,
    bedrock: undefined as unknown as BedrockClient,
    s3: new S3Client({ region: "us-east-1", endpoint: localS3.endpoint, forcePathStyle: true, credentials, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }),
    async restart(more = {}) {
      await stack.service.close();
      stack.service = await startBedrockLocal({ ...options(), ...more });
      stack.bedrock = newClient(stack.service.endpoint);
    },
    async admin(method, route, body) {
      const res = await fetch(`${stack.service.endpoint}/_local/${route}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`admin ${method} ${route}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async put(key, body) {
      await stack.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    },
    async text(key) {
      const res = await stack.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return res.Body!.transformToString("utf8");
    },
    async keys(prefix) {
      const res = await stack.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
      return (res.Contents ?? []).map((o) => o.Key!).sort();
    },
    async create(input = {}) {
      const res = await stack.bedrock.send(
        new CreateModelInvocationJobCommand({
          jobName: "recap-test",
          roleArn: ROLE_ARN,
          modelId: "anthropic.claude-3-haiku-20240307-v1:0",
          inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${BUCKET}/input/` } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${BUCKET}/output/` } },
          ...input,
        } as CreateModelInvocationJobCommandInput),
      );
      return res.jobArn!;
    },
    async waitFor(jobArn, statuses, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = (await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }))) as unknown as Record<string, unknown>;
        if (statuses.includes(job.status as string)) return job;
        if (Date.now() > until) throw new Error(`job ${jobArn} is ${String(job.status)} (${String(job.message)}), not ${statuses.join("/")}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      stack.bedrock.destroy();
      stack.s3.destroy();
      await stack.service.close();
      await localS3.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
  stack.bedrock = newClient(stack.service.endpoint);
  return stack;
}

export function newClient(endpoint: string, maxAttempts = 3): BedrockClient {
  return new BedrockClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" }, maxAttempts });
}

/** A Claude Messages record around a `Speaker: utterance` transcript. */
export function claudeLine(recordId: string, transcript: string, extra = ""): string {
  const text = `${extra}Summarize the following call transcript:\n<transcript>\n${transcript}\n</transcript>`;
  return JSON.stringify({ recordId, modelInput: { anthropic_version: "bedrock-2023-05-31", max_tokens: 1024, messages: [{ role: "user", content: [{ type: "text", text }] }] } });
}

export const SAMPLE_CALL = [
  "Agent: Thank you for calling Oktank support. My name is Dana. How can I help you today?",
  "Customer: Hi, I was charged twice for my order last week and I need a refund for the duplicate charge.",
  "Agent: I'm sorry about that. Let me look up your account. I see the duplicate charge of $49.99.",
  "Agent: I've processed a refund for the duplicate charge. It will appear on your statement within 3-5 business days.",
  "Customer: Thank you, that's great. Will I get a confirmation?",
  "Agent: Yes, you will receive a confirmation email within the hour. Is there anything else I can help with?",
  "Customer: No, that's all. Thanks!",
].join("\n\n");
