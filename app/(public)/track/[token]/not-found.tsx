import { getTranslations } from "next-intl/server";
import { LinkNotFound } from "@/components/public/link-not-found";

export default async function TrackingNotFound() {
  const t = await getTranslations("public.track.notFound");
  return (
    <LinkNotFound testId="tracking-not-found" title={t("title")} description={t("description")} action={t("action")} />
  );
}
