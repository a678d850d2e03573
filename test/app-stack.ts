// The app's lib/ against the real stand-ins: a fresh PGlite, s3rver and bedrock-local over HTTP.
import fs from "node:fs";
import path from "node:path";
import { ListModelInvocationJobsCommand } from "@aws-sdk/client-bedrock";
import { startBedrockLocal, type BedrockLocalOptions } from "@/bedrock-local/server";
import { createBedrockClient } from "@/lib/bedrock/client";
import { setDbForTests } from "@/lib/db";
import type { StorageTarget } from "@/lib/storage";
import type { SessionUser } from "@/lib/auth/guards";
import { createHash } from "node:crypto";
import { ingestUpload } from "@/lib/datasets/ingest";
import { createPgliteTestDb, type TestDb } from "./db";
import { startTestS3, tempDir } from "./stack";

export async function startAppStack(opts: { bedrock?: Partial<BedrockLocalOptions>; database?: () => Promise<TestDb> } = {}) {
  const database = await (opts.database ?? createPgliteTestDb)();
  setDbForTests(database.prisma);
  const s3 = await startTestS3();
  const engineDir = tempDir("engine");
  const engine = await startBedrockLocal({
    port: 0, dataDir: engineDir, s3: { endpoint: s3.endpoint }, minRecordsPerJob: 10, summarizerWorkers: 0, ...opts.bedrock,
  });
  const bedrock = createBedrockClient({ region: "us-east-1", endpoint: engine.endpoint });
  const storage: StorageTarget = {
    client: s3.client, bucket: s3.bucket, inputPrefix: "recap/input", outputPrefix: "recap/output", uploadPrefix: "recap/uploads",
  };
  const prisma = database.prisma;
  const user = await prisma.user.create({ data: { id: "sup-1", name: "Sam", email: "sam@example.com", role: "supervisor" } });
  const model = await prisma.modelConfig.create({
    data: { modelId: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku", family: "anthropic", inputPricePerMTok: 0.125, outputPricePerMTok: 0.625, minRecordsPerJob: 10 },
  });
  const { DEFAULT_TEMPLATE } = await import("@/lib/prompts/template");
  const template = await prisma.promptTemplate.create({
    data: { name: "Call summary", versions: { create: { version: 1, body: DEFAULT_TEMPLATE.body } } },
    include: { versions: true },
  });
  const role = await prisma.serviceRole.create({ data: { name: "local", roleArn: "arn:aws:iam::123456789012:role/RecapBatch", isDefault: true } });
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, role: "supervisor" };

  return {
    prisma, storage, bedrock, engine, s3, user: sessionUser,
    modelId: model.id, templateVersionId: template.versions[0].id, roleId: role.id,
    /** bedrock-local's operator API (pacing, faults, job-tags, requests) */
    admin: async (method: string, route: string, body?: unknown) => {
      const res = await fetch(`${engine.endpoint}/_local/${route}`, { method, body: body ? JSON.stringify(body) : undefined, headers: { "content-type": "application/json" } });
      return res.json();
    },
    jobsInEngine: async () => (await bedrock.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries ?? [],
    writeFile: (name: string, content: string) => {
      const file = path.join(tempDir("upload"), name);
      fs.writeFileSync(file, content);
      return file;
    },
    /** Uploads a CSV as the stack's supervisor, through the same ingestion as the upload route; the dataset's id. */
    uploadCsv: async (csv: string, fileName = "calls.csv") => {
      const file = path.join(tempDir("upload"), fileName);
      fs.writeFileSync(file, csv);
      const out = await ingestUpload({
        prisma, storage, filePath: file, fileName, sizeBytes: fs.statSync(file).size,
        sha256: createHash("sha256").update(csv).digest("hex"), userId: user.id,
      });
      return out.datasetId;
    },
    close: async () => {
      bedrock.destroy();
      await engine.close();
      await s3.close();
      await database.close();
      fs.rmSync(engineDir, { recursive: true, force: true });
    },
  };
}
