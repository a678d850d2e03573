// Options Bedrock's CreateModelInvocationJob takes per job, as the prepare form sets them:
// timeoutDurationInHours and tags. Shared by the form's action and the tracker.
import { z } from "zod";

/** Bedrock's bounds on timeoutDurationInHours. */
export const TIMEOUT_HOURS = { min: 24, max: 168 } as const;

/** Tags Recap adds to every job it creates, so a job in the AWS console leads back to its batch. */
export const RECAP_TAG_KEYS = { batchId: "recap:batch-id", user: "recap:user" } as const;

// AWS tag rules: keys 1-128, values 0-256 characters of letters, digits, spaces and _.:/=+-@;
// "aws:" is reserved by AWS, "recap:" by Recap itself.
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const JobTag = z.object({
  key: z.string().trim().min(1, "A tag needs a key.").max(128, "A tag key has at most 128 characters.")
    .regex(TAG_CHARS, "A tag key may hold letters, digits, spaces and _ . : / = + - @ only.")
    .refine((k) => !/^aws:/i.test(k), "Tag keys starting with aws: are reserved by AWS.")
    .refine((k) => !/^recap:/i.test(k), "Tag keys starting with recap: are set by Recap itself."),
  value: z.string().trim().max(256, "A tag value has at most 256 characters.")
    .regex(TAG_CHARS, "A tag value may hold letters, digits, spaces and _ . : / = + - @ only."),
});
export type JobTag = z.infer<typeof JobTag>;

/** Up to 48 of the user's own tags (Bedrock allows 200 a job; Recap adds two). Keys are unique. */
export const JobTags = z.array(JobTag).max(48, "At most 48 tags.").refine(
  (tags) => new Set(tags.map((t) => t.key)).size === tags.length,
  "Each tag key may appear once.",
);

/** The form's tags field: JSON of [{key, value}], rows with neither key nor value dropped. */
export const JobTagsField = z
  .string()
  .max(40_000)
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return [];
    try {
      const rows = JSON.parse(raw) as unknown;
      return Array.isArray(rows) ? rows.filter((r) => r && typeof r === "object" && ((r as JobTag).key || (r as JobTag).value)) : rows;
    } catch {
      ctx.addIssue({ code: "custom", message: "The tags could not be read. Reload the page." });
      return z.NEVER;
    }
  })
  .pipe(JobTags);

export const TimeoutHoursField = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.number({ message: "Enter a number of hours." }).int("Enter a whole number of hours.")
    .min(TIMEOUT_HOURS.min, `Bedrock's job timeout is at least ${TIMEOUT_HOURS.min} hours.`)
    .max(TIMEOUT_HOURS.max, `Bedrock's job timeout is at most ${TIMEOUT_HOURS.max} hours (7 days).`)
    .optional(),
);

/** What CreateModelInvocationJob gets: the user's tags, then Recap's batch id and user. */
export function jobTags(opts: { batchId: string; userEmail: string; tags: unknown }): JobTag[] {
  const own = JobTags.safeParse(opts.tags ?? []);
  return [
    ...(own.success ? own.data : []),
    { key: RECAP_TAG_KEYS.batchId, value: opts.batchId },
    { key: RECAP_TAG_KEYS.user, value: opts.userEmail.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "_").slice(0, 256) },
  ];
}
