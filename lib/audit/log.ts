import "server-only";
import { db } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Who did it: a signed-in user, or null for the system (start-up, the tracker). */
export type AuditActor = { id: string; email: string } | null;

export type AuditEntry = {
  actor: AuditActor;
  /** dotted, past-tense-free verb: "auth.sign-in", "user.create", "model.update", "job.stop" */
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** when there is no user row (a failed sign-in), the email that was tried */
  actorEmail?: string;
};

type Writer = Pick<PrismaClient, "auditLog"> | Prisma.TransactionClient;

// Fields that must never land in the log, whatever an entry passes.
const SECRET_KEYS = /password|secret|token|accessKey|sessionToken/i;

/** JSON for a before/after snapshot: BigInt as a number or string, Dates as ISO, secrets dropped. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key && SECRET_KEYS.test(key)) return undefined;
      if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/** Record who did what to what, when, with before and after. Pass `tx` to commit with the change. */
export async function audit(entry: AuditEntry, tx?: Writer): Promise<void> {
  const writer = tx ?? (await db());
  await writer.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
