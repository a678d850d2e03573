import { Card, PageHeader } from "@/components/ui/card";
import { ApiTokens } from "@/components/settings/api-tokens";
import { page } from "@/lib/auth/page";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { config } from "@/lib/config";
import { createToken, revokeToken } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

export default page({ role: "supervisor" }, async ({ user }) => {
  const tokens = await listApiTokens({ user });
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens for the REST API at <code>{config().publicUrl}/api/v1</code> (described in{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">openapi.json</a>). A token acts as you, with your role; send it as{" "}
            <code>Authorization: Bearer …</code>.
          </>
        }
      />
      <Card>
        <ApiTokens tokens={tokens} createToken={createToken} revokeToken={revokeToken} />
      </Card>
    </div>
  );
});
