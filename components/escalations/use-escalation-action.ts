"use client";
// Pending state and failure of an escalation action, with the escalation services' own field codes translated
// before falling back to the workspace's shared ones (required, not_in_team …).
import { useTranslations } from "next-intl";
import { useWorkspaceAction } from "@/components/complaints/workspace/use-workspace-action";

const OWN_CODES = ["must_be_later", "unchanged", "too_long"] as const;

export function useEscalationAction() {
  const action = useWorkspaceAction();
  const t = useTranslations("escalations.errors");
  const fieldError = (key: string): string | undefined => {
    const code = OWN_CODES.find((candidate) => candidate === action.failure?.fields?.[key]?.[0]);
    return code ? t(code) : action.fieldError(key);
  };
  return { ...action, fieldError };
}
