"use client";
// Completes or reopens a follow-up task.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Check, RotateCcw } from "lucide-react";
import { setTaskStatusAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function TaskStatusButton({ taskId, to, label }: { taskId: number; to: "open" | "done"; label?: string }) {
  const t = useTranslations("customerTasks");
  const { toast } = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const text = to === "done" ? t("done") : t("reopen");
  return (
    <Button
      variant={to === "done" ? "secondary" : "ghost"}
      size="sm"
      disabled={pending}
      aria-label={label ? `${text}: ${label}` : text}
      onClick={() =>
        startTransition(async () => {
          const result = await setTaskStatusAction({ taskId, status: to });
          if (result.ok) {
            toast({ tone: "success", title: to === "done" ? t("doneToast") : t("reopenedToast") });
            router.refresh();
          } else {
            toast({ tone: "error", title: t("failed", { message: result.message }) });
          }
        })
      }
    >
      {to === "done" ? <Check aria-hidden /> : <RotateCcw aria-hidden />}
      {text}
    </Button>
  );
}
