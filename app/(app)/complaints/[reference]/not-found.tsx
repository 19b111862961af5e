import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

// A complaint that does not exist and one outside the user's scope look the same: no existence leak.
export default async function ComplaintNotFound() {
  const t = await getTranslations("workspace.notFound");
  return (
    <div data-testid="not-found">
      <StatusPage
        icon={FileQuestion}
        code="404"
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/">{t("back")}</Link>
          </Button>
        }
      />
    </div>
  );
}
