// Job options as Bedrock has them: timeoutDurationInHours comes back on Get, and the tags a job was
// created with come back from ListTagsForResource, through @aws-sdk/client-bedrock unchanged.
import { GetModelInvocationJobCommand, ListTagsForResourceCommand, ResourceNotFoundException, ValidationException } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeLine, SAMPLE_CALL, startStack, type Stack } from "./test-harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.put("input/calls.jsonl", [1, 2, 3].map((i) => claudeLine(`CALL${String(i).padStart(7, "0")}`, SAMPLE_CALL)).join("\n"));
});
afterAll(() => stack.close());

describe("job options", () => {
  it("keeps timeoutDurationInHours and sets jobExpirationTime from it", async () => {
    const arn = await stack.create({ jobName: "timeout-36", timeoutDurationInHours: 36 });
    const job = await stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: arn }));
    expect(job.timeoutDurationInHours).toBe(36);
    expect(job.jobExpirationTime!.getTime() - job.submitTime!.getTime()).toBe(36 * 3600_000);
  });

  it("answers ListTagsForResource with the tags the job was created with", async () => {
    const tags = [{ key: "team", value: "billing" }, { key: "recap:batch-id", value: "cm123" }];
    const arn = await stack.create({ jobName: "tagged", tags });
    const out = await stack.bedrock.send(new ListTagsForResourceCommand({ resourceARN: arn }));
    expect(out.tags).toEqual(tags);
  });

  it("says ResourceNotFoundException for an unknown job ARN and ValidationException for a malformed one", async () => {
    const arn = await stack.create({ jobName: "tags-missing" });
    const unknown = await stack.bedrock.send(new ListTagsForResourceCommand({ resourceARN: arn.replace(/.{12}$/, "zzzzzzzzzzzz") })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    const malformed = await stack.bedrock.send(new ListTagsForResourceCommand({ resourceARN: "not-an-arn" })).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(ValidationException);
  });
});
