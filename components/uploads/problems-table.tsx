"use client";
// Problems by line. A file can have thousands, so the list is virtualized: only the rows in view
// are in the DOM.
import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Problem } from "@/lib/transcripts";

// an estimate: rows are measured, since a long message wraps onto more lines
const ROW = 44;

export function ProblemsTable({ problems, total, caption = "Problems found" }: { problems: Problem[]; total: number; caption?: string }) {
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns functions React Compiler cannot memoize; this component is not compiled
  const v = useVirtualizer({ count: problems.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 8 });
  if (total === 0) return null;
  return (
    <div>
      <p className="mb-2 text-sm text-slate-700">
        {caption}: {total.toLocaleString("en-US")}
        {total > problems.length && ` (the first ${problems.length.toLocaleString("en-US")} are listed)`}. These rows are skipped; every other row is kept.
      </p>
      <div role="table" aria-label={caption} aria-rowcount={problems.length + 1} className="rounded-md border border-slate-200 text-sm">
        <div role="row" className="grid grid-cols-[6rem_7rem_10rem_1fr] gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          <span role="columnheader">Line</span>
          <span role="columnheader">Field</span>
          <span role="columnheader">Problem</span>
          <span role="columnheader">What to do</span>
        </div>
        <div ref={parent} className="max-h-72 overflow-auto" tabIndex={0} aria-label="Problem rows, scrollable">
          <div style={{ height: v.getTotalSize(), position: "relative" }}>
            {v.getVirtualItems().map((item) => {
              const p = problems[item.index];
              return (
                <div
                  key={item.key}
                  ref={v.measureElement}
                  data-index={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="absolute inset-x-0 grid grid-cols-[6rem_7rem_10rem_1fr] gap-2 border-b border-slate-100 px-3 py-1.5"
                  style={{ top: item.start }}
                >
                  <span role="cell" className="tabular-nums">{p.file ? `${p.file}:${p.line}` : p.line || "file"}</span>
                  <span role="cell" className="text-slate-600">{p.field ?? "—"}</span>
                  <span role="cell" className="font-mono text-xs text-red-700">{p.code}</span>
                  <span role="cell" className="break-words text-slate-700">{p.message}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
