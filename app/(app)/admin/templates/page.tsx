import Link from "next/link";
import { TemplateForm } from "@/components/admin/template-form";
import { EmptyState, Section } from "@/components/admin/section";
import { listTemplates } from "@/lib/admin/templates";
import { page } from "@/lib/auth/page";
import { createTemplate } from "./actions";

export const metadata = { title: "Prompt templates" };

export default page({ role: "admin" }, async () => {
  const templates = await listTemplates();
  return (
    <div className="space-y-6">
      <Section title="Prompt templates" description="Every edit saves a new version; a batch keeps the exact version it used, and its results name it.">
        {templates.length === 0 ? (
          <EmptyState>No templates yet. Create one below; it must contain {"{{transcript}}"}.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {templates.map((t) => (
              <li key={t.id} className="flex items-center justify-between py-2 text-sm">
                <Link href={`/admin/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.name}
                </Link>
                <span className="text-slate-500">
                  v{t.latestVersion} · {t.versionCount} version{t.versionCount === 1 ? "" : "s"} · {t.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC{t.updatedBy ? ` by ${t.updatedBy}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="New template">
        <TemplateForm mode="create" run={createTemplate} />
      </Section>
    </div>
  );
});
