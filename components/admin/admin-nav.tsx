"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/models", label: "Models" },
  { href: "/admin/templates", label: "Prompt templates" },
  { href: "/admin/service-roles", label: "IAM service roles" },
  { href: "/admin/storage", label: "Storage" },
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/retention", label: "Retention" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-slate-200">
      {sections.map((s) => {
        const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
