// Statuses and their timestamps, stop, expiry, time-outs, job faults, restart-and-resume.
import fs from "node:fs/promises";
import path from "node:path";
import { GetModelInvocationJobCommand, ListModelInvocationJobsCommand, StopModelInvocationJobCommand } from "@aws-sdk/client-bedrock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeLine, SAMPLE_CALL, startStack, type Stack } from "./test-harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const ids = (n: number) => Array.from({ length: n }, (_, i) => `REC${String(i).padStart(8, "0")}`);
const get = (arn: string) => stack.bedrock.send(new GetModelInvocationJobCommand({ jobIdentifier: arn }));

async function putRecords(prefix: string, n: number) {
  await stack.put(`${prefix}/calls.jsonl`, ids(n).map((id) => claudeLine(id, SAMPLE_CALL)).join("\n"));
  return { inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://recap/${prefix}/` } }, outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://recap/out-${prefix}/` } } };
}

describe("pacing", () => {
  it("manual: each GetModelInvocationJob moves the job one status, with Bedrock's timestamps", async () => {
    const cfg = await putRecords("manual", 5);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:pacing", value: "manual" }] });
    const listed = await stack.bedrock.send(new ListModelInvocationJobsCommand({ statusEquals: "Submitted" }));
    expect(listed.invocationJobSummaries!.map((j) => j.jobArn)).toContain(arn);
    const seen = [];
    let previous = 0;
    for (let i = 0; i < 4; i++) {
      const job = await get(arn);
      seen.push(job.status);
      expect(job.lastModifiedTime!.getTime()).toBeGreaterThanOrEqual(previous);
      previous = job.lastModifiedTime!.getTime();
      if (job.status !== "Completed") expect(job.endTime).toBeUndefined();
      if (job.status === "Validating") expect(job.totalRecordCount).toBeUndefined();
      if (job.status === "Scheduled") expect(job).toMatchObject({ totalRecordCount: 5, processedRecordCount: 0 });
    }
    const done = await get(arn);
    expect([...seen, done.status]).toEqual(["Validating", "Scheduled", "InProgress", "Completed", "Completed"]);
    expect(done.endTime!.getTime()).toBe(done.lastModifiedTime!.getTime());
    expect(done.message).toBeUndefined();
    expect(done).toMatchObject({ processedRecordCount: 5, successRecordCount: 5 });
  });

  it("timed: each status lasts the set seconds", async () => {
    const cfg = await putRecords("timed", 3);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:pacing", value: "timed:0.3" }] });
    const seen = new Set<string>();
    const start = Date.now();
    for (;;) {
      const job = await get(arn);
      seen.add(job.status!);
      if (job.status === "Completed") break;
      await new Promise((r) => setTimeout(r, 40));
    }
    expect([...seen]).toEqual(["Submitted", "Validating", "Scheduled", "InProgress", "Completed"]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(4 * 300);
  });
});

describe("stop", () => {
  it("a running job goes Stopping then Stopped, keeping the records done so far", async () => {
    const cfg = await putRecords("stop", 400);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:slow-ms", value: "5" }] });
    for (;;) {
      const job = await get(arn);
      if ((job.processedRecordCount ?? 0) >= 20) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await stack.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn }));
    const stopping = await get(arn);
    expect(["Stopping", "Stopped"]).toContain(stopping.status);
    const stopped = await stack.waitFor(arn, ["Stopped"]);
    const processed = stopped.processedRecordCount as number;
    expect(processed).toBeGreaterThanOrEqual(20);
    expect(processed).toBeLessThan(400);
    expect(stopped.endTime).toBeInstanceOf(Date);
    const id = arn.slice(-12);
    const out = lines(await stack.text(`out-stop/${id}/calls.jsonl.out`)).map((l) => JSON.parse(l).recordId);
    expect(out).toEqual(ids(processed));
    expect(JSON.parse(await stack.text(`out-stop/${id}/manifest.json.out`))).toMatchObject({ totalRecordCount: 400, processedRecordCount: processed });
    const events = await stack.admin<{ events: { event: string; detail?: { to?: string } }[] }>("GET", `events?jobId=${id}`);
    expect(events.events.filter((e) => e.event === "status").map((e) => e.detail!.to)).toEqual(["Validating", "Scheduled", "InProgress", "Stopping", "Stopped"]);
  });

  it("a job that has not started is stopped with no output", async () => {
    const cfg = await putRecords("stop-early", 3);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:pacing", value: "manual" }] });
    await stack.bedrock.send(new StopModelInvocationJobCommand({ jobIdentifier: arn.slice(-12) }));
    expect((await stack.bedrock.send(new ListModelInvocationJobsCommand({ statusEquals: "Stopping" }))).invocationJobSummaries!.map((j) => j.jobArn)).toContain(arn);
    expect((await get(arn)).status).toBe("Stopped");
    expect(await stack.keys(`out-stop-early/`)).toEqual([]);
  });
});

describe("time limits and job faults", () => {
  it("Expired: a job not started before its timeout", async () => {
    const cfg = await putRecords("expire", 3);
    const arn = await stack.create({ ...cfg, timeoutDurationInHours: 24, tags: [{ key: "bedrock-local:pacing", value: "manual" }] });
    expect((await get(arn)).status).toBe("Validating");
    expect((await get(arn)).status).toBe("Scheduled");
    await stack.admin("POST", "clock", { advanceSeconds: 25 * 3600 });
    try {
      const job = await get(arn);
      expect(job.status).toBe("Expired");
      expect(job.message).toMatch(/not started before its timeout/);
      expect(job.endTime!.getTime()).toBeGreaterThan(job.jobExpirationTime!.getTime());
    } finally {
      await stack.admin("POST", "reset");
    }
  });

  it("PartiallyCompleted: the job ran out of time before every record was processed", async () => {
    const cfg = await putRecords("partial", 50);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:timeout-records", value: "30" }] });
    const job = await stack.waitFor(arn, ["PartiallyCompleted", "Completed"]);
    expect(job).toMatchObject({ status: "PartiallyCompleted", totalRecordCount: 50, processedRecordCount: 30, successRecordCount: 30 });
    expect(job.message).toMatch(/could be processed in time/);
    const id = arn.slice(-12);
    expect(lines(await stack.text(`out-partial/${id}/calls.jsonl.out`))).toHaveLength(30);
    expect(JSON.parse(await stack.text(`out-partial/${id}/manifest.json.out`))).toMatchObject({ totalRecordCount: 50, processedRecordCount: 30 });
  });

  it("Failed with the message a bedrock-local:fail-job tag gives", async () => {
    const cfg = await putRecords("failjob", 3);
    const arn = await stack.create({ ...cfg, tags: [{ key: "bedrock-local:fail-job", value: "Simulated capacity failure" }] });
    const job = await stack.waitFor(arn, ["Failed", "Completed"]);
    expect(job).toMatchObject({ status: "Failed", message: "Simulated capacity failure" });
  });
});

describe("restart", () => {
  it("keeps every job and resumes an unfinished one without duplicating a line", async () => {
    const cfg = await putRecords("resume", 300);
    const arn = await stack.create({ ...cfg, jobName: "resume-me", tags: [{ key: "bedrock-local:slow-ms", value: "4" }] });
    for (;;) {
      if (((await get(arn)).processedRecordCount ?? 0) >= 40) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const before = (await stack.bedrock.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries!.map((j) => j.jobArn).sort();
    await stack.service.close();
    // A crash in the middle of a write leaves a torn last line in the checkpoint.
    const checkpoint = path.join(stack.dataDir, "work", arn.slice(-12), "0.out.partial");
    const kept = lines(await fs.readFile(checkpoint, "utf8")).length;
    expect(kept).toBeGreaterThanOrEqual(40);
    await fs.appendFile(checkpoint, '{"modelInput":{"anthropic_ver');

    await stack.restart({ quotas: { minRecordsPerJob: 1 } });
    const after = (await stack.bedrock.send(new ListModelInvocationJobsCommand({}))).invocationJobSummaries!.map((j) => j.jobArn).sort();
    expect(after).toEqual(before);
    const job = await stack.waitFor(arn, ["Completed"], 30_000);
    expect(job).toMatchObject({ totalRecordCount: 300, processedRecordCount: 300, successRecordCount: 300, errorRecordCount: 0 });
    const out = lines(await stack.text(`out-resume/${arn.slice(-12)}/calls.jsonl.out`)).map((l) => JSON.parse(l).recordId);
    expect(out).toEqual(ids(300));
    const events = await stack.admin<{ events: { event: string; detail?: { linesKept?: number } }[] }>("GET", `events?jobId=${arn.slice(-12)}`);
    expect(events.events.find((e) => e.event === "resume")?.detail?.linesKept).toBe(kept);
    const manifest = JSON.parse(await stack.text(`out-resume/${arn.slice(-12)}/manifest.json.out`));
    const usage = out.length; // every line is a success, each counted once
    expect(manifest).toMatchObject({ totalRecordCount: 300, processedRecordCount: usage, successRecordCount: 300 });
  });
});
