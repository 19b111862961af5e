"use client";
// Submit button of a public form: disabled with a spinner while the form's action runs.
import { Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

export function SubmitButton({
  children,
  pendingLabel,
  className,
}: {
  children: ReactNode;
  pendingLabel: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
      {pending ? pendingLabel : children}
    </Button>
  );
}
