"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { findEarlierUpload } from "@/lib/datasets/queries";

const SameFileInput = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/i, "Give the file's SHA-256 as 64 hex digits.") });

/** The caller's own earlier dataset with the same SHA-256, so the upload page can say so. */
export const findSameUpload = action({ permission: "uploads.create" })
  .schema(SameFileInput)
  .action(async ({ input, user }) => findEarlierUpload({ user, sha256: input.sha256 }));
