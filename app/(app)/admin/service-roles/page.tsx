import { ServiceRoleForm } from "@/components/admin/service-role-form";
import { ServiceRoleList } from "@/components/admin/service-role-list";
import { EmptyState, Section } from "@/components/admin/section";
import { listServiceRoles } from "@/lib/admin/service-roles";
import { page } from "@/lib/auth/page";
import { checkServiceRole, deleteServiceRole, saveServiceRole } from "./actions";

export const metadata = { title: "IAM service roles" };

export default page({ role: "admin" }, async () => {
  const roles = (await listServiceRoles()).map((r) => ({
    id: r.id,
    name: r.name,
    roleArn: r.roleArn,
    isDefault: r.isDefault,
    batches: r._count.batches,
    lastCheck: r.lastCheckAt ? { ok: !!r.lastCheckOk, message: r.lastCheckMessage ?? "", at: r.lastCheckAt.toISOString() } : null,
  }));
  return (
    <div className="space-y-6">
      <Section
        title="IAM service roles"
        description="The role Bedrock assumes to read batch input from and write output to S3. It must trust bedrock.amazonaws.com, and Recap's credentials need iam:PassRole on it. Check submits a probe job that cannot run and stops it."
      >
        {roles.length === 0 ? <EmptyState>No service roles yet. Add one below; batches use the default role.</EmptyState> : <ServiceRoleList roles={roles} check={checkServiceRole} remove={deleteServiceRole} save={saveServiceRole} />}
      </Section>
      <Section title="Add a service role">
        <ServiceRoleForm run={saveServiceRole} />
      </Section>
    </div>
  );
});
