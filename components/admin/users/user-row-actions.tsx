"use client";
// Per-user actions: edit, resend the invitation (until a password is set), deactivate/reactivate with confirmation.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
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
import { InviteLink } from "@/components/admin/users/invite-link";
import { UserFormDialog } from "@/components/admin/users/user-form-dialog";
import { resendInviteAction, setUserActiveAction } from "@/lib/users/actions";
import type { AdminUserRow, TeamOption } from "@/lib/users/queries";

export function UserRowActions({ user, teams, isSelf }: { user: AdminUserRow; teams: TeamOption[]; isSelf: boolean }) {
  const t = useTranslations("userAdmin");
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function toggleActive() {
    startTransition(async () => {
      const result = await setUserActiveAction({
        id: user.id,
        active: !user.active,
        expectedUpdatedAt: user.updatedAt.toISOString(),
      });
      if (result.ok) {
        setConfirming(false);
        toast({
          tone: "success",
          title: user.active ? t("deactivated", { name: user.name }) : t("reactivated", { name: user.name }),
        });
      } else
        setError(
          result.error === "conflict"
            ? t("errors.conflict")
            : result.error === "unprocessable"
              ? result.message
              : t("errors.failed"),
        );
    });
  }

  function resend() {
    startTransition(async () => {
      const result = await resendInviteAction(user.id);
      if (result.ok) setLink(result.setPasswordUrl);
      else toast({ tone: "error", title: t("errors.failed"), description: result.message });
    });
  }

  return (
    <div className="flex justify-end gap-1.5">
      <UserFormDialog
        teams={teams}
        user={user}
        trigger={
          <Button variant="ghost" size="sm" aria-label={t("editLabel", { name: user.name })}>
            {t("edit")}
          </Button>
        }
      />
      {!user.passwordSet && user.active ? (
        <Dialog
          open={link !== null}
          onOpenChange={(open) => {
            if (!open) setLink(null);
          }}
        >
          <Button variant="ghost" size="sm" onClick={resend} disabled={pending}>
            {t("resend")}
          </Button>
          <DialogContent className="max-w-lg">
            <DialogHeader>
              <DialogTitle>{t("link.title")}</DialogTitle>
              <DialogDescription>{t("link.sent")}</DialogDescription>
            </DialogHeader>
            {link ? <InviteLink url={link} /> : null}
            <DialogFooter>
              <Button onClick={() => setLink(null)}>{t("done")}</Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
      {isSelf ? null : (
        <Dialog
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            setError(null);
          }}
        >
          <DialogTrigger asChild>
            <Button variant="ghost" size="sm" className={user.active ? "text-danger-700" : undefined}>
              {user.active ? t("deactivate") : t("reactivate")}
            </Button>
          </DialogTrigger>
          <DialogContent className="max-w-md">
            <DialogHeader>
              <DialogTitle>
                {user.active
                  ? t("confirmDeactivateTitle", { name: user.name })
                  : t("confirmReactivateTitle", { name: user.name })}
              </DialogTitle>
              <DialogDescription>{user.active ? t("confirmDeactivate") : t("confirmReactivate")}</DialogDescription>
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
              <Button variant={user.active ? "destructive" : "primary"} onClick={toggleActive} disabled={pending}>
                {user.active ? t("deactivate") : t("reactivate")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
