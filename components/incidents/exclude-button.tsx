"use client";
// One click leaves a linked complaint out of bulk resolution (or includes it again).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { incidentExclusionAction } from "@/lib/incidents/actions";
import { useIncidentAction } from "@/components/incidents/use-incident-action";

export function ExcludeButton({ id, complaintId, excluded }: { id: number; complaintId: number; excluded: boolean }) {
  const t = useTranslations("incidents.page");
  const { run, pending } = useIncidentAction();
  return (
    <Button
      size="sm"
      variant={excluded ? "secondary" : "ghost"}
      disabled={pending}
      onClick={() =>
        run(
          () => incidentExclusionAction(id, { complaintId, excluded: !excluded }),
          excluded ? t("include") : t("excluded"),
        )
      }
    >
      {excluded ? t("include") : t("exclude")}
    </Button>
  );
}
