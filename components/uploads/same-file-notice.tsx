import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { EarlierUpload } from "@/lib/datasets/queries";

/** "You uploaded this file before": a notice with a link, never a block. */
export function SameFileNotice({ earlier }: { earlier: EarlierUpload }) {
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      You uploaded this same file (same SHA-256) on {formatDateTime(earlier.createdAt)} as{" "}
      <Link href={`/datasets/${earlier.id}`} className="font-medium underline">
        {earlier.name}
      </Link>
      . You can use that dataset, or upload it again as a new one.
    </p>
  );
}
