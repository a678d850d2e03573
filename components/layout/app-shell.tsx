import Link from "next/link";
import type { ReactNode } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { NavLink } from "./nav-link";

// Links a role does not reach are hidden; every page and action still checks the role itself.
const nav: { href: string; label: string; role: Role }[] = [
  { href: "/uploads/new", label: "Upload", role: "supervisor" },
  { href: "/jobs", label: "Jobs", role: "supervisor" },
  { href: "/summaries", label: "Summaries", role: "supervisor" },
  { href: "/settings/tokens", label: "API tokens", role: "supervisor" },
  { href: "/compare", label: "Compare", role: "supervisor" },
  { href: "/admin", label: "Admin", role: "admin" },
];

/** The frame around every signed-in page: brand, navigation, and the page. */
export function AppShell({ children, userSlot, role }: { children: ReactNode; userSlot?: ReactNode; role?: Role }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm text-white">R</span>
            Recap
          </Link>
          <nav aria-label="Main" className="flex gap-1">
            {nav.filter((item) => role && hasRole(role, item.role)).map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto text-sm text-slate-600">{userSlot}</div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
    </div>
  );
}
