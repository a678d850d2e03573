import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/auth/guards";

export default async function AdminPage() {
  await requirePageRole("admin", "/admin");
  redirect("/admin/users");
}
