"use client";
// A read-only value with a copy button (links, tokens, secrets). When the clipboard is refused (insecure origin,
// permissions) the text is selected so the person can copy it by hand. Also the "secret shown once" panel.
import { Check, Copy } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";

export type CopyState = "idle" | "copied" | "failed";

export function CopyField({
  value,
  label,
  texts,
  testId,
  buttonTestId,
  size = "default",
  className,
  onStateChange,
}: {
  value: string;
  label: string;
  texts: { copy: string; copied: string };
  testId?: string;
  buttonTestId?: string;
  size?: "default" | "lg";
  className?: string;
  onStateChange?: (state: CopyState) => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>("idle");
  const change = (next: CopyState) => {
    setState(next);
    onStateChange?.(next);
  };

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      change("copied");
    } catch {
      field.current?.select();
      change("failed");
    }
  }

  return (
    <div className={cn("flex gap-2", size === "lg" && "flex-col sm:flex-row", className)}>
      <input
        ref={field}
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
        className={cn(
          "min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-slate-800",
          size === "lg" ? "h-10 text-[13px]" : "h-9 text-xs",
        )}
      />
      <Button
        variant="secondary"
        size={size === "lg" ? "lg" : undefined}
        onClick={copy}
        aria-live="polite"
        data-testid={buttonTestId}
      >
        {state === "copied" ? (
          <Check aria-hidden className={size === "lg" ? "text-success-600" : undefined} />
        ) : (
          <Copy aria-hidden />
        )}
        {state === "copied" ? texts.copied : texts.copy}
      </Button>
    </div>
  );
}

/** The dialog body after creating an API token or a webhook: the secret, shown this once, with a copy button. */
export function SecretShownOnce({
  icon,
  title,
  description,
  value,
  label,
  texts,
  testId,
  done,
  onDone,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  value: string;
  label: string;
  texts: { copy: string; copied: string };
  testId: string;
  done: string;
  onDone: () => void;
}) {
  return (
    <>
      <DialogHeader>
        <DialogTitle className="flex items-center gap-2">
          {icon}
          {title}
        </DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <CopyField value={value} label={label} texts={texts} testId={testId} />
      <DialogFooter>
        <Button onClick={onDone}>{done}</Button>
      </DialogFooter>
    </>
  );
}
