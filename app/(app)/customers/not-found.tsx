import { UserX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

// A customer that does not exist and one outside the user's scope look the same: no existence leak.
export default async function CustomerNotFound() {
  const t = await getTranslations("customers.page");
  return (
    <div data-testid="not-found">
      <StatusPage
        icon={UserX}
        code="404"
        title={t("notFoundTitle")}
        description={t("notFoundDescription")}
        actions={
          <Button asChild>
            <Link href="/customers">{t("notFoundBack")}</Link>
          </Button>
        }
      />
    </div>
  );
}
