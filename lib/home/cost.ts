import "server-only";
// Cost this month against last, from the token counts in the jobs' manifests at each model's
// batch prices (as the jobs page does), by the UTC day a job ended. Reads Job rows only.
import { db, type Db } from "@/lib/db";
import { batchScope, type Actor } from "@/lib/auth/permissions";
import { estimateCost } from "@/lib/results/cost";
import type { CostThisMonth, MonthCost } from "./types";

const DAY_MS = 86_400_000;

function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** What the caller's jobs cost this calendar month (UTC) so far, and last month, day by day. */
export async function costThisMonth(opts: { user: Actor; now?: Date; prisma?: Db }): Promise<CostThisMonth> {
  const prisma = opts.prisma ?? (await db());
  const now = opts.now ?? new Date();
  const thisStart = monthStart(now.getUTCFullYear(), now.getUTCMonth());
  const lastStart = monthStart(now.getUTCFullYear(), now.getUTCMonth() - 1);
  const nextStart = monthStart(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const jobs = await prisma.job.findMany({
    where: { batch: batchScope(opts.user), endTime: { gte: lastStart, lt: nextStart } },
    select: {
      endTime: true, inputTokenCount: true, outputTokenCount: true,
      batch: { select: { modelConfig: { select: { inputPricePerMTok: true, outputPricePerMTok: true } } } },
    },
  });
  const dayOfMonth = now.getUTCDate();
  const daysLast = Math.round((thisStart.getTime() - lastStart.getTime()) / DAY_MS);
  const perDay = { this: new Array<number>(dayOfMonth).fill(0), last: new Array<number>(daysLast).fill(0) };
  for (const j of jobs) {
    const end = j.endTime!;
    const inThis = end >= thisStart;
    const day = Math.floor((end.getTime() - (inThis ? thisStart : lastStart).getTime()) / DAY_MS);
    const bucket = inThis ? perDay.this : perDay.last;
    // a job that ends later today (clock skew) still counts today
    const i = Math.min(day, bucket.length - 1);
    bucket[i] += estimateCost({ inputTokens: Number(j.inputTokenCount ?? 0), outputTokens: Number(j.outputTokenCount ?? 0), ...j.batch.modelConfig });
  }
  const thisMonth = cumulative(monthKey(thisStart), perDay.this);
  const lastMonth = cumulative(monthKey(lastStart), perDay.last);
  const sameDay = Math.min(dayOfMonth, daysLast) - 1;
  return { thisMonth, lastMonth, lastMonthToDateUsd: lastMonth.cumulativeUsd[sameDay] ?? 0, dayOfMonth };
}

function cumulative(month: string, perDay: number[]): MonthCost {
  let sum = 0;
  const cumulativeUsd = perDay.map((c) => roundUsd((sum += c)));
  return { month, totalUsd: roundUsd(sum), cumulativeUsd };
}

// Four decimals, like the jobs page: a small test batch costs fractions of a cent.
function roundUsd(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
