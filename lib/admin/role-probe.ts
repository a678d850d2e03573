import "server-only";
import { CreateModelInvocationJobCommand, StopModelInvocationJobCommand } from "@aws-sdk/client-bedrock";
import { bedrock } from "@/lib/bedrock/client";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

/** Bedrock's roleArn pattern for CreateModelInvocationJob. */
export const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;

/**
 * Whether the engine accepts `roleArn` for a batch job. The only real test is to ask for a job:
 * Bedrock checks the ARN, iam:PassRole and that it may assume the role when the job is created
 * (AccessDeniedException / ValidationException naming the role). The probe job points at input
 * that does not exist, so it can never process anything, and is stopped at once if accepted.
 */
export async function probeServiceRole(roleArn: string): Promise<{ ok: boolean; message: string }> {
  if (!ROLE_ARN.test(roleArn)) return { ok: false, message: "Not an IAM role ARN (arn:aws:iam::<account>:role/<name>)." };
  const prisma = await db();
  const model = await prisma.modelConfig.findFirst({ orderBy: [{ enabled: "desc" }, { createdAt: "asc" }], select: { modelId: true } });
  if (!model) return { ok: false, message: "Add a model first: the check asks the engine for a job with one." };
  const storage = await prisma.storageSetting.findUnique({ where: { id: "default" } });
  const bucket = storage?.bucket ?? config().bucket;
  const inputPrefix = storage?.inputPrefix ?? config().inputPrefix;
  const outputPrefix = storage?.outputPrefix ?? config().outputPrefix;
  const jobName = `recap-role-check-${Date.now().toString(36)}`;
  try {
    const out = await bedrock().send(
      new CreateModelInvocationJobCommand({
        jobName,
        roleArn,
        modelId: model.modelId,
        inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${bucket}/${inputPrefix}/role-checks/${jobName}/none.jsonl`, s3InputFormat: "JSONL" } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://${bucket}/${outputPrefix}/role-checks/`, s3EncryptionKeyId: storage?.kmsKeyId ?? undefined } },
        timeoutDurationInHours: 24,
      }),
    );
    await bedrock()
      .send(new StopModelInvocationJobCommand({ jobIdentifier: out.jobArn }))
      .catch(() => undefined); // it may already have failed on the missing input: either way it ends
    return { ok: true, message: `The engine accepted the role for a batch job (check job ${jobName}, stopped at once).` };
  } catch (e) {
    const err = e as Error;
    if (err.name === "AccessDeniedException") {
      return { ok: false, message: `Access denied: ${err.message} Recap's credentials need iam:PassRole on this role, and the role must trust bedrock.amazonaws.com.` };
    }
    if (err.name === "ValidationException") return { ok: false, message: `Refused: ${err.message}` };
    return { ok: false, message: `The engine did not answer the check (${err.name}: ${err.message}).` };
  }
}
