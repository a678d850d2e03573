// Every operation and every error, driven through @aws-sdk/client-bedrock against a real
// bedrock-local and a real s3rver.
import {
  GetFoundationModelCommand,
  GetModelInvocationJobCommand,
  ListFoundationModelsCommand,
  ListModelInvocationJobsCommand,
  paginateListModelInvocationJobs,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StopModelInvocationJobCommand,
  ThrottlingException,
  ValidationException,
} from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeLine, newClient, SAMPLE_CALL, startStack, type Stack } from "./test-harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.put("input/calls.jsonl", [1, 2, 3].map((i) => claudeLine(`CALL${String(i).padStart(7, "0")}`, SAMPLE_CALL)).join("\n"));
});
afterAll(() => stack.close());

async function rejects(promise: Promise<unknown>) {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err, "the call should have failed").toBeDefined();
  return err as Error & { name: string; $metadata: { httpStatusCode?: number; attempts?: number } };
}

describe("foundation models", () => {
  it("lists the served models with the SDK's summary fields", async () => {
    const res = await stack.bedrock.send(new ListFoundationModelsCommand({}));
    const ids = res.modelSummaries!.map((m) => m.modelId);
    for (const id of ["anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0", "meta.llama3-1-8b-instruct-v1:0", "mistral.mistral-7b-instruct-v0:2", "amazon.titan-text-express-v1"]) {
      expect(ids).toContain(id);
    }
    const haiku = res.modelSummaries!.find((m) => m.modelId === "anthropic.claude-3-haiku-20240307-v1:0")!;
    expect(haiku).toMatchObject({
      modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
      providerName: "Anthropic",
      outputModalities: ["TEXT"],
      inferenceTypesSupported: ["ON_DEMAND"],
      modelLifecycle: { status: "ACTIVE" },
    });
    const anthropic = await stack.bedrock.send(new ListFoundationModelsCommand({ byProvider: "anthropic" }));
    expect(anthropic.modelSummaries!.length).toBeGreaterThan(0);
    expect(anthropic.modelSummaries!.every((m) => m.providerName === "Anthropic")).toBe(true);
  });

  it("gets a model by id or ARN and refuses an unknown one", async () => {
    const byId = await stack.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: "amazon.nova-pro-v1:0" }));
    expect(byId.modelDetails).toMatchObject({ modelId: "amazon.nova-pro-v1:0", providerName: "Amazon", modelName: "Nova Pro" });
    const byArn = await stack.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: byId.modelDetails!.modelArn }));
    expect(byArn.modelDetails!.modelId).toBe("amazon.nova-pro-v1:0");
    const err = await rejects(stack.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: "acme.unknown-v1:0" })));
    expect(err).toBeInstanceOf(ValidationException);
  });
});

describe("CreateModelInvocationJob validates its own parameters", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["job name", { jobName: "bad name!" }, /jobName/],
    ["role ARN", { roleArn: "arn:aws:iam::123:user/not-a-role" }, /roleArn/],
    ["input S3 URI", { inputDataConfig: { s3InputDataConfig: { s3Uri: "https://recap/input/" } } }, /s3InputDataConfig\.s3Uri/],
    ["output S3 URI", { outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://UPPER/out" } } }, /s3OutputDataConfig\.s3Uri/],
    ["model id", { modelId: "acme.unknown-v1:0" }, /model identifier is invalid/],
    ["timeout", { timeoutDurationInHours: 12 }, /timeoutDurationInHours/],
    ["bedrock-local tag", { tags: [{ key: "bedrock-local:fail-records", value: "lots" }] }, /fail-records/],
  ];
  it.each(cases)("answers ValidationException (HTTP 400) for a bad %s and creates nothing", async (_what, input, message) => {
    const before = (await stack.bedrock.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries!.length;
    const err = await rejects(stack.create(input));
    expect(err).toBeInstanceOf(ValidationException);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toMatch(message);
    expect(err.$metadata.attempts).toBe(1); // not retryable
    const after = (await stack.bedrock.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries!.length;
    expect(after).toBe(before);
  });
});

describe("jobs", () => {
  it("gets a job by ARN or bare id and says ResourceNotFoundException for an unknown one", async () => {
    const arn = await stack.create({ jobName: "get-by-id" });
    const done = await stack.waitFor(arn, ["Completed"]);
    const bare = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: arn.slice(-12) }));
    expect(bare.jobArn).toBe(arn);
    expect(bare.submitTime).toBeInstanceOf(Date);
    expect(bare.endTime!.getTime()).toBe((done.endTime as Date).getTime());
    expect(bare).toMatchObject({ jobName: "get-by-id", status: "Completed", totalRecordCount: 3, processedRecordCount: 3, successRecordCount: 3, errorRecordCount: 0, timeoutDurationInHours: 168 });
    expect(bare.jobExpirationTime!.getTime() - bare.submitTime!.getTime()).toBe(168 * 3600_000);

    const missing = await rejects(stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: "abcdefabcdef" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const malformed = await rejects(stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: "not-a-job" })));
    expect(malformed).toBeInstanceOf(ValidationException);
    const stopMissing = await rejects(stack.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn.replace(/.{12}$/, "zzzzzzzzzzzz") })));
    expect(stopMissing).toBeInstanceOf(ResourceNotFoundException);
    const stopDone = await rejects(stack.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn })));
    expect(stopDone).toBeInstanceOf(ValidationException);
  });

  it("lists with every filter, both sort orders and pages", async () => {
    const arns: string[] = [];
    for (const name of ["list-alpha", "list-beta", "list-gamma"]) {
      arns.push(await stack.create({ jobName: name }));
      await stack.waitFor(arns.at(-1)!, ["Completed"]);
      await new Promise((r) => setTimeout(r, 5)); // distinct submit times
    }
    const list = (input: Record<string, unknown>) => stack.bedrock.send(new ListModelInvocationJobsCommand(input)).then((r) => r.invocationJobSummaries!.map((j) => j.jobArn));
    expect(await list({ nameContains: "list-", sortOrder: "Ascending" })).toEqual(arns);
    expect(await list({ nameContains: "list-" })).toEqual([...arns].reverse()); // Descending by default
    expect(await list({ nameContains: "beta" })).toEqual([arns[1]]);
    expect(await list({ nameContains: "list-", statusEquals: "Failed" })).toEqual([]);
    expect((await list({ nameContains: "list-", statusEquals: "Completed" })).length).toBe(3);
    const second = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: arns[1] }));
    expect(await list({ nameContains: "list-", submitTimeAfter: second.submitTime, sortOrder: "Ascending" })).toEqual([arns[2]]);
    expect(await list({ nameContains: "list-", submitTimeBefore: second.submitTime, sortOrder: "Ascending" })).toEqual([arns[0]]);

    const pages: string[][] = [];
    for await (const page of paginateListModelInvocationJobs({ client: stack.bedrock, pageSize: 1 }, { nameContains: "list-", sortBy: "CreationTime", sortOrder: "Ascending" })) {
      pages.push(page.invocationJobSummaries!.map((j) => j.jobArn!));
    }
    expect(pages).toEqual(arns.map((a) => [a]));
    const summary = (await stack.bedrock.send(new ListModelInvocationJobsCommand({ nameContains: "alpha" }))).invocationJobSummaries![0]!;
    expect(summary).toMatchObject({ jobName: "list-alpha", status: "Completed", totalRecordCount: 3, successRecordCount: 3, modelId: "anthropic.claude-3-haiku-20240307-v1:0" });
    const bad = await rejects(stack.bedrock.send(new ListModelInvocationJobsCommand({ maxResults: 5000 })));
    expect(bad).toBeInstanceOf(ValidationException);
  });

  it("refuses a job beyond the model's concurrent-job quota with ServiceQuotaExceededException", async () => {
    await stack.admin("PUT", "pacing", { mode: "manual" });
    try {
      const model = { modelId: "amazon.nova-lite-v1:0" };
      const held = [await stack.create({ ...model, clientRequestToken: "quota-1" }), await stack.create({ ...model, clientRequestToken: "quota-2" }), await stack.create(model)];
      const err = await rejects(stack.create(model));
      expect(err).toBeInstanceOf(ServiceQuotaExceededException);
      expect(err.$metadata.httpStatusCode).toBe(400);
      expect(err.$metadata.attempts).toBe(1);
      // Another model has its own quota; a retried create of an existing job still answers.
      expect(await stack.create({ modelId: "amazon.nova-pro-v1:0" })).toMatch(/model-invocation-job\/[a-z0-9]{12}$/);
      expect(await stack.create({ ...model, clientRequestToken: "quota-1" })).toBe(held[0]);
      await stack.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: held[2] }));
      await stack.waitFor(held[2]!, ["Stopped"]);
      expect(await stack.create(model)).toMatch(/model-invocation-job\//);
    } finally {
      await stack.admin("PUT", "pacing", { mode: "immediate" });
    }
  });
});

describe("idempotency and retries", () => {
  it("returns the same job for the same clientRequestToken, also after a restart", async () => {
    const first = await stack.create({ jobName: "idem", clientRequestToken: "recap-batch-42-part-0" });
    const again = await stack.create({ jobName: "idem", clientRequestToken: "recap-batch-42-part-0" });
    expect(again).toBe(first);
    await stack.restart();
    expect(await stack.create({ jobName: "idem", clientRequestToken: "recap-batch-42-part-0" })).toBe(first);
    const named = await stack.bedrock.send(new ListModelInvocationJobsCommand({ nameContains: "idem" }));
    expect(named.invocationJobSummaries!.map((j) => j.jobArn)).toEqual([first]);
  });

  it("de-duplicates the SDK's retry after the connection dropped behind a created job", async () => {
    await stack.admin("POST", "faults", { operation: "CreateModelInvocationJob", count: 1, dropConnection: "after" });
    const arn = await stack.create({ jobName: "dropped-create" });
    const named = await stack.bedrock.send(new ListModelInvocationJobsCommand({ nameContains: "dropped-create" }));
    expect(named.invocationJobSummaries!.map((j) => j.jobArn)).toEqual([arn]);
    const log = await stack.admin<{ requests: { invocationId: string; attempt: number; outcome: string; jobId?: string }[] }>("GET", "requests?operation=CreateModelInvocationJob");
    const mine = log.requests.filter((r) => r.jobId === arn.slice(-12));
    expect(mine.map((r) => [r.attempt, r.outcome])).toEqual([[1, "dropped"], [2, "ok"]]);
    expect(mine[0]!.invocationId).toBe(mine[1]!.invocationId);
  });

  it("answers throttled calls with ThrottlingException and HTTP 429, which the SDK retries", async () => {
    const arn = await stack.create({ jobName: "throttled" });
    await stack.admin("POST", "faults", { operation: "GetModelInvocationJob", count: 2, error: { name: "ThrottlingException" } });
    const job = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: arn }));
    expect(job.jobArn).toBe(arn);
    expect(job.$metadata.attempts).toBe(3);
    const log = await stack.admin<{ requests: { invocationId: string; attempt: number; httpStatus: number; errorName?: string }[] }>("GET", "requests?operation=GetModelInvocationJob");
    const last3 = log.requests.slice(-3);
    expect(last3.map((r) => [r.attempt, r.httpStatus, r.errorName ?? null])).toEqual([[1, 429, "ThrottlingException"], [2, 429, "ThrottlingException"], [3, 200, null]]);
    expect(new Set(last3.map((r) => r.invocationId)).size).toBe(1);

    await stack.admin("POST", "faults", { operation: "ListModelInvocationJobs", count: 5, error: { name: "ThrottlingException" } });
    const impatient = newClient(stack.service.endpoint, 2);
    const err = await rejects(impatient.send(new ListModelInvocationJobsCommand({})));
    impatient.destroy();
    expect(err).toBeInstanceOf(ThrottlingException);
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.$metadata.attempts).toBe(2);
    await stack.admin("DELETE", "faults");
  });
});
