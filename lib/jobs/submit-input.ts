// What creating a batch takes: one schema for the prepare form's server action and POST /api/v1/batches.
import { z } from "zod";

export const SubmitBatchInput = z.object({
  datasetId: z.string().min(1, "Choose a dataset."),
  modelConfigId: z.string().min(1, "Choose a model."),
  templateVersionId: z.string().min(1, "Choose a prompt template."),
  serviceRoleId: z.string().optional().transform((v) => v || undefined),
  name: z.string().trim().max(100, "At most 100 characters.").optional(),
  requestKey: z.string().uuid("Reload the page and submit again."),
});
export type SubmitBatchInput = z.infer<typeof SubmitBatchInput>;
