import Link from "next/link";
import type { ReactNode } from "react";

/** What to do when a list is empty: a sentence and, usually, the link that does it. */
export function EmptyState({ children, href, action }: { children: ReactNode; href?: string; action?: string }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
      <p>{children}</p>
      {href && action && (
        <Link href={href} className="mt-2 inline-block font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">
          {action}
        </Link>
      )}
    </div>
  );
}
