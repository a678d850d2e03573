import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

const nav = [
  { href: "/uploads/new", label: "Upload" },
  { href: "/jobs", label: "Jobs" },
  { href: "/summaries", label: "Summaries" },
  { href: "/admin", label: "Admin" },
];

/** The frame around every signed-in page: brand, navigation, and the page. */
export function AppShell({ children, userSlot }: { children: ReactNode; userSlot?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm text-white">R</span>
            Recap
          </Link>
          <nav aria-label="Main" className="flex gap-1">
            {nav.map((item) => (
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
