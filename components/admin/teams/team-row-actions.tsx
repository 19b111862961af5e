"use client";
// Per-team actions: edit, deactivate/reactivate with confirmation.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/ui/use-action";
import { TeamFormDialog } from "@/components/admin/teams/team-form-dialog";
import { setTeamActiveAction } from "@/lib/users/actions";
import type { AdminTeamRow, UserOption } from "@/lib/users/queries";

export function TeamRowActions({
  team,
  users,
  departments,
}: {
  team: AdminTeamRow;
  users: UserOption[];
  departments: { id: number; name: string }[];
}) {
  const t = useTranslations("teamAdmin");
  const { toast } = useToast();
  const { pending, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    run(
      () => setTeamActiveAction({ id: team.id, active: !team.active, expectedUpdatedAt: team.updatedAt.toISOString() }),
      {
        onSuccess: () => {
          setConfirming(false);
          toast({ tone: "success", title: t("saved") });
        },
        onFailure: (failure) => setError(failure.error === "conflict" ? t("errors.conflict") : t("errors.failed")),
      },
    );
  }

  return (
    <div className="flex justify-end gap-1.5">
      <TeamFormDialog
        users={users}
        departments={departments}
        team={team}
        trigger={
          <Button variant="ghost" size="sm" aria-label={t("editLabel", { name: team.name })}>
            {t("edit")}
          </Button>
        }
      />
      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          setError(null);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="ghost" size="sm" className={team.active ? "text-danger-700" : undefined}>
            {team.active ? t("deactivate") : t("reactivate")}
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>
              {team.active
                ? t("confirmDeactivateTitle", { name: team.name })
                : t("confirmReactivateTitle", { name: team.name })}
            </DialogTitle>
            <DialogDescription>{team.active ? t("confirmDeactivate") : t("confirmReactivate")}</DialogDescription>
          </DialogHeader>
          {error ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button variant={team.active ? "destructive" : "primary"} onClick={toggle} disabled={pending}>
              {team.active ? t("deactivate") : t("reactivate")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
