import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

// An unknown or mistyped survey link: the public layout stays, with a way to contact us instead.
export default async function SurveyNotFound() {
  const t = await getTranslations("survey.notFound");
  return (
    <div data-testid="survey-not-found" className="rounded-xl border border-slate-200 bg-white shadow-card">
      <StatusPage
        icon={SearchX}
        code="404"
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild size="lg">
            <Link href="/complaint">{t("action")}</Link>
          </Button>
        }
      />
    </div>
  );
}
