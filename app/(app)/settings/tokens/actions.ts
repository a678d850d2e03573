"use server";
import { z } from "zod";
import { action } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";

const CreateToken = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it.").max(100, "At most 100 characters."),
});
const RevokeToken = z.object({ tokenId: z.string().min(1) });

/** A new personal API token; the answer is the only time the token itself is seen. */
export const createToken = action({ role: "supervisor" })
  .schema(CreateToken)
  .action(async ({ input, user }) => {
    const { id, token, prefix } = await createApiToken({ user, name: input.name });
    return { id, token, prefix, name: input.name };
  });

export const revokeToken = action({ role: "supervisor" })
  .schema(RevokeToken)
  .action(({ input, user }) => revokeApiToken({ user, tokenId: input.tokenId }));
