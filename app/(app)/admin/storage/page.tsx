import { StorageForm } from "@/components/admin/storage-form";
import { Section } from "@/components/admin/section";
import { getStorage } from "@/lib/admin/storage";
import { page } from "@/lib/auth/page";
import { saveStorage } from "./actions";

export const metadata = { title: "Storage" };

export default page({ role: "admin" }, async () => {
  const { saved, ...values } = await getStorage();
  return (
    <Section
      title="Storage"
      description={
        saved
          ? "Where uploads, batch input and Bedrock's output live. New batches use these; running ones keep theirs."
          : "Showing the values from the environment; saving stores them here, where admins can change them."
      }
    >
      <StorageForm values={values} run={saveStorage} />
    </Section>
  );
});
