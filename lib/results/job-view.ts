import "server-only";
// Everything the job page reads, in one loader (so `npm run bench:pages` measures exactly what the
// page reads): the job, a keyset page of its results and their count, and how many failed records
// a rerun would send. Null when the job is outside the caller's scope.
import { z } from "zod";
import { db, type Db } from "@/lib/db";
import { can, ownsOrOversees, type Actor } from "@/lib/auth/permissions";
import { getJob } from "@/lib/jobs/queries";
import { countFailedRecords } from "@/lib/jobs/retry";
import { countJobResults, listJobResults } from "./queries";

const cursor = z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()).catch(undefined);

/** ?filter=ok|errors&after=&before=&count=all: anything malformed is dropped. */
export const JobPageParams = z
  .object({
    filter: z.enum(["all", "ok", "errors"]).catch("all"),
    after: cursor, before: cursor,
    count: z.literal("all").optional().catch(undefined),
  })
  .transform(({ filter, after, before, count }) => ({
    filter, cursor: after ? { after } : before ? { before } : {}, exactCount: count === "all",
  }));

export async function loadJobView(opts: { user: Actor; jobId: string; searchParams: Record<string, unknown>; prisma?: Db }) {
  const prisma = opts.prisma ?? (await db());
  const { user, jobId } = opts;
  const { filter, cursor, exactCount } = JobPageParams.parse(opts.searchParams);
  // In parallel: the results reads are scoped themselves, and the failed count is shown only once
  // the job is known to be in scope and the caller's to rerun.
  const [job, results, count, failed] = await Promise.all([
    getJob({ user, jobId, prisma }),
    listJobResults({ user, jobId, filter, ...cursor, prisma }),
    countJobResults({ user, jobId, filter, exact: exactCount, prisma }),
    can(user, "batches.submit") ? countFailedRecords({ prisma, jobId }) : Promise.resolve(0),
  ]);
  if (!job) return null;
  return { job, filter, cursor, results, count, failed: ownsOrOversees(user, job.createdById) ? failed : 0 };
}
