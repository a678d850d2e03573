import { redirect } from "next/navigation";
import { page } from "@/lib/auth/page";

export default page({ role: "admin" }, () => {
  redirect("/admin/users");
});
