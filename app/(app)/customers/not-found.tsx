import { UserX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { RecordNotFound } from "@/components/shell/error-panels";

// A customer that does not exist and one outside the user's scope look the same: no existence leak.
export default async function CustomerNotFound() {
  const t = await getTranslations("customers.page");
  return (
    <RecordNotFound
      icon={UserX}
      title={t("notFoundTitle")}
      description={t("notFoundDescription")}
      backHref="/customers"
      backLabel={t("notFoundBack")}
    />
  );
}
