"use client";
// Files chosen on the intake form: checked here for type and size (the server checks again by content) and
// uploaded right after the complaint is saved.
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { Paperclip, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const INTAKE_MAX_FILES = 10;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

export type PickedFile = { file: File; error: "too_large" | "unsupported_type" | null };

export function checkFile(file: File): PickedFile {
  if (!ACCEPTED.includes(file.type)) return { file, error: "unsupported_type" };
  if (file.size > MAX_BYTES) return { file, error: "too_large" };
  return { file, error: null };
}

type Props = { files: PickedFile[]; onChange: (files: PickedFile[]) => void; failed: string[] };

export function IntakeAttachments({ files, onChange, failed }: Props) {
  const t = useTranslations("attachments");
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {files.length > 0 ? (
          <ul className="flex flex-col gap-1.5" data-testid="intake-files">
            {files.map((picked, index) => (
              <li key={`${picked.file.name}-${index}`} className="flex items-center gap-2">
                <Paperclip aria-hidden className="size-4 shrink-0 text-slate-400" />
                <span className="min-w-0 truncate">{picked.file.name}</span>
                {picked.error ? <span className="text-xs text-red-700">{t(`errors.${picked.error}`)}</span> : null}
                {failed.includes(picked.file.name) ? (
                  <span className="text-xs text-red-700">{t("errors.generic")}</span>
                ) : null}
                <button
                  type="button"
                  className="focus-ring ml-auto rounded p-1 text-slate-500 hover:bg-slate-100"
                  aria-label={t("remove", { name: picked.file.name })}
                  onClick={() => onChange(files.filter((_, other) => other !== index))}
                >
                  <X aria-hidden className="size-4" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED.join(",")}
          className="sr-only"
          data-testid="intake-attachment-input"
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []).map(checkFile);
            onChange([...files, ...chosen].slice(0, INTAKE_MAX_FILES));
            event.target.value = "";
          }}
        />
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => input.current?.click()}
            disabled={files.length >= INTAKE_MAX_FILES}
          >
            <Paperclip aria-hidden className="size-4" />
            {t("add")}
          </Button>
        </div>
        <p className="text-xs text-slate-500">{t("hint")}</p>
      </CardContent>
    </Card>
  );
}

/** Uploads the files to the saved complaint; returns the names of those the server refused. */
export async function uploadIntakeFiles(reference: string, files: PickedFile[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { file } of files) {
    const body = new FormData();
    body.set("file", file);
    const response = await fetch(`/api/complaints/${encodeURIComponent(reference)}/attachments`, {
      method: "POST",
      body,
    }).catch(() => null);
    if (!response?.ok) failed.push(file.name);
  }
  return failed;
}
