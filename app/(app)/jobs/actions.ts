"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { stopJob } from "@/lib/jobs/stop";

/** Requests a stop; the tracker calls StopModelInvocationJob (status Stopping, then Stopped). */
export const requestStop = action({ permission: "jobs.stop" })
  .schema(z.object({ jobId: z.string().min(1) }))
  .action(async ({ input, user }) => stopJob({ prisma: await db(), jobId: input.jobId, user }));
