import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateForm } from "@/components/admin/template-form";
import { Section } from "@/components/admin/section";
import { templateWithHistory } from "@/lib/admin/templates";
import { page } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { reviseTemplate } from "../actions";

export const metadata = { title: "Edit template" };

export default page<{ templateId: string }>({ role: "admin" }, async ({ params: { templateId } }) => {
  const t = await templateWithHistory(templateId).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const latest = t.versions[0]!;
  return (
    <div className="space-y-6">
      <Link href="/admin/templates" className="text-sm text-brand-700 hover:underline">← All templates</Link>
      <Section title={`${t.name} (v${latest.version})`} description={`Saving creates v${latest.version + 1}; batches that used earlier versions keep them.`}>
        <TemplateForm mode="revise" templateId={t.id} body={latest.body} expectsJson={latest.expectsJson} run={reviseTemplate} />
      </Section>
      <Section title="Version history">
        <ol className="space-y-3">
          {t.versions.map((v) => (
            <li key={v.id} className="rounded-lg border border-slate-200 p-3" data-testid={`version-${v.version}`}>
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">v{v.version}</span>
                  <span className="text-slate-500">
                    {" "}· {v.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC{v.createdBy ? ` by ${v.createdBy.email}` : ""} · {v.expectsJson ? "asks for JSON" : "plain text"} · used by {v._count.batches} batch{v._count.batches === 1 ? "" : "es"}
                  </span>
                </summary>
                <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs text-slate-800">{v.body}</pre>
              </details>
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
});
