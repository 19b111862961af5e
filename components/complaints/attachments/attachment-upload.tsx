"use client";
// Uploads one file to the complaint; the server checks type (by content) and size and answers with a field error.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Paperclip } from "lucide-react";
import { Button } from "@/components/ui/button";

const KNOWN_ERRORS = ["too_large", "unsupported_type", "empty"] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];

function isKnownError(value: unknown): value is KnownError {
  return typeof value === "string" && (KNOWN_ERRORS as readonly string[]).includes(value);
}

export function AttachmentUpload({ reference }: { reference: string }) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/complaints/${encodeURIComponent(reference)}/attachments`, {
        method: "POST",
        body,
      });
      if (!response.ok) {
        const payload: unknown = await response.json().catch(() => null);
        const code = (payload as { error?: { fields?: { file?: unknown[] } } } | null)?.error?.fields?.file?.[0];
        setError(isKnownError(code) ? t(`errors.${code}`) : t("errors.generic"));
        return;
      }
      router.refresh();
    } catch {
      setError(t("errors.generic")); // network failure: the message asks to try again
    } finally {
      setPending(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <input
        ref={input}
        id={`attachment-${reference}`}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
        className="sr-only"
        data-testid="attachment-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => input.current?.click()}>
        <Paperclip aria-hidden className="size-4" />
        {pending ? t("uploading") : t("add")}
      </Button>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
