// What creating a batch takes: one schema for the prepare form's server action and POST /api/v1/batches.
import { z } from "zod";
import { JobTagsField, TimeoutHoursField } from "./job-options";

export const SubmitBatchInput = z.object({
  datasetId: z.string().min(1, "Choose a dataset."),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
  timeoutHours: TimeoutHoursField,
  tags: JobTagsField,
  /** a rerun of this batch's failed records (or of one job's, with retryOfJobId) */
  retryOfBatchId: z.string().optional().transform((v) => v || undefined),
  retryOfJobId: z.string().optional().transform((v) => v || undefined),
});
export type SubmitBatchInput = z.infer<typeof SubmitBatchInput>;
