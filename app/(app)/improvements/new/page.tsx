import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImprovementForm } from "@/components/improvements/improvement-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { improvementFormChoices } from "@/lib/improvements/queries";
import { parseId } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("improvements");
  return { title: t("newTitle") };
}

export default async function NewImprovementPage({
  searchParams,
}: {
  searchParams: Promise<{ rootCauseId?: string }>;
}) {
  const user = await requirePermission("improvement.manage");
  const [t, choices, { rootCauseId }] = await Promise.all([
    getTranslations("improvements"),
    improvementFormChoices(),
    searchParams,
  ]);
  const cause = parseId(rootCauseId);
  const initial = {
    title: "",
    description: "",
    kind: "corrective",
    status: "open",
    rootCauseId: choices.rootCauses.some((row) => row.id === cause) ? cause : null,
    ownerId: choices.owners.some((owner) => owner.id === user.id) ? user.id : null,
    dueOn: "",
  };
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <ImprovementForm id={null} initial={initial} version={1} choices={choices} />
    </>
  );
}
