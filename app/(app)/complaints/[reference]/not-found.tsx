import { FileQuestion } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { RecordNotFound } from "@/components/shell/error-panels";

// A complaint that does not exist and one outside the user's scope look the same: no existence leak.
export default async function ComplaintNotFound() {
  const t = await getTranslations("workspace.notFound");
  return (
    <RecordNotFound
      icon={FileQuestion}
      title={t("title")}
      description={t("description")}
      backHref="/"
      backLabel={t("back")}
    />
  );
}
