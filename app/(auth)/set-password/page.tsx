import { SetPasswordForm } from "@/components/auth/set-password-form";
import { FormMessage } from "@/components/ui/form";

export const metadata = { title: "Set your password" };

/** The invitation link an admin passes on: /set-password?token=... */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold tracking-tight">Set your password</h1>
      {token ? <SetPasswordForm token={token} /> : <FormMessage>This link has no invitation token. Ask an admin for a new link.</FormMessage>}
    </div>
  );
}
