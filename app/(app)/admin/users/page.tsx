import { NewUserForm } from "@/components/admin/new-user-form";
import { UsersTable } from "@/components/admin/users-table";
import { Section } from "@/components/admin/section";
import { listUsers, INVITE_HOURS } from "@/lib/admin/users";
import { page } from "@/lib/auth/page";
import { changeRole, createUser, inviteUser, setUserDisabled } from "./actions";

export const metadata = { title: "Users" };

export default page({ role: "admin" }, async ({ user: me }) => {
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <Section title="People" description="Supervisors upload and submit their own batches; managers see everyone's and export; admins configure. Disabling someone signs them out at once.">
        <UsersTable users={users} meId={me.id} changeRole={changeRole} setDisabled={setUserDisabled} />
      </Section>
      <Section title="Add someone" description={`Set a first password yourself, or invite: Recap gives you a link (valid ${INVITE_HOURS} hours) on which they choose their password. Recap sends no email; pass the link on.`}>
        <NewUserForm createUser={createUser} inviteUser={inviteUser} />
      </Section>
    </div>
  );
});
