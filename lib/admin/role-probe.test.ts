// The service-role check against the real bedrock-local (its CreateModelInvocationJob validation).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "@/bedrock-local/test-harness";
import type { TestDb } from "@/test/db";
import { authTestDb } from "@/lib/auth/testing/sessions";

let stack: Stack;
let t: TestDb;
let probeServiceRole: typeof import("./role-probe").probeServiceRole;

beforeAll(async () => {
  stack = await startStack();
  process.env.RECAP_BEDROCK_ENDPOINT = stack.service.endpoint;
  process.env.AWS_ACCESS_KEY_ID ??= "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY ??= "S3RVER";
  t = await authTestDb();
  ({ probeServiceRole } = await import("./role-probe"));
});
afterAll(async () => {
  await t?.close();
  await stack?.close();
});

describe("probeServiceRole", () => {
  it("says to add a model first when there is none", async () => {
    expect(await probeServiceRole("arn:aws:iam::123456789012:role/Recap")).toMatchObject({ ok: false, message: expect.stringContaining("Add a model") });
  });

  it("refuses a malformed ARN without calling the engine", async () => {
    expect(await probeServiceRole("arn:aws:iam::123:user/Recap")).toMatchObject({ ok: false });
  });

  it("reports ok when the engine accepts the role for a job, and fails with the engine's message otherwise", async () => {
    await t.prisma.modelConfig.create({ data: { modelId: "us.anthropic.claude-haiku-not-served", name: "Unknown", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 1 } });
    const refused = await probeServiceRole("arn:aws:iam::123456789012:role/Recap");
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Refused: .*model identifier/);

    const served = (await stack.bedrock.send(new (await import("@aws-sdk/client-bedrock")).ListFoundationModelsCommand({}))).modelSummaries![0]!.modelId!;
    await t.prisma.modelConfig.deleteMany();
    await t.prisma.modelConfig.create({ data: { modelId: served, name: "Served", family: "anthropic", inputPricePerMTok: 1, outputPricePerMTok: 1 } });
    const accepted = await probeServiceRole("arn:aws:iam::123456789012:role/Recap");
    expect(accepted).toMatchObject({ ok: true, message: expect.stringContaining("accepted the role") });
  });
});
