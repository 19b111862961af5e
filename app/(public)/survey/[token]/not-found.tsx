import { getTranslations } from "next-intl/server";
import { LinkNotFound } from "@/components/public/link-not-found";

export default async function SurveyNotFound() {
  const t = await getTranslations("survey.notFound");
  return (
    <LinkNotFound testId="survey-not-found" title={t("title")} description={t("description")} action={t("action")} />
  );
}
