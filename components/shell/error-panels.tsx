import { Compass, ShieldAlert, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

// 403 and 404 panels, shown both inside the app shell and as full pages.

export async function ForbiddenPanel() {
  const t = await getTranslations();
  return (
    <StatusPage
      icon={ShieldAlert}
      code="403"
      tone="danger"
      title={t("errors.forbiddenTitle")}
      description={t("errors.forbiddenDescription")}
      actions={
        <Button asChild>
          <Link href="/">{t("common.backHome")}</Link>
        </Button>
      }
    />
  );
}

export async function NotFoundPanel() {
  const t = await getTranslations();
  return (
    <StatusPage
      icon={Compass}
      code="404"
      title={t("errors.notFoundTitle")}
      description={t("errors.notFoundDescription")}
      actions={
        <Button asChild>
          <Link href="/">{t("common.backHome")}</Link>
        </Button>
      }
    />
  );
}

/** A record page's 404 (a complaint, a customer): what was not found and where to go back to. */
export function RecordNotFound({
  icon,
  title,
  description,
  backHref,
  backLabel,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <div data-testid="not-found">
      <StatusPage
        icon={icon}
        code="404"
        title={title}
        description={description}
        actions={
          <Button asChild>
            <Link href={backHref}>{backLabel}</Link>
          </Button>
        }
      />
    </div>
  );
}
