import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { UserMenu } from "@/components/auth/user-menu";
import { NotificationBell } from "@/components/notifications/bell";
import { currentUser } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { unreadNotifications } from "@/lib/webhooks/notifications";

export const dynamic = "force-dynamic";

// Every page under (app) needs a session. Each page checks it and its role itself (lib/auth/page.ts):
// Next renders a layout and its page in parallel, so this redirect alone would not stop the page.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const unread = await unreadNotifications(user);
  return (
    <AppShell
      role={user.role}
      userSlot={
        <div className="flex items-center gap-3">
          <NotificationBell unread={unread} />
          <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
        </div>
      }
    >
      {children}
    </AppShell>
  );
}
