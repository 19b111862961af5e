// Files on a complaint (photos of damaged baggage, receipts, PDFs): list with links, and an upload control.
import { useFormatter, useTranslations } from "next-intl";
import { FileText, ImageIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AttachmentUpload } from "@/components/complaints/attachments/attachment-upload";

type AttachmentRow = { id: number; fileName: string; contentType: string; size: number; createdAt: Date };
type Props = { reference: string; attachments: AttachmentRow[]; canUpload: boolean };

export function AttachmentsPanel({ reference, attachments, canUpload }: Props) {
  const t = useTranslations("attachments");
  const format = useFormatter();
  return (
    <Card data-testid="attachments-panel">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {attachments.length === 0 ? (
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-1.5">
            {attachments.map((file) => {
              const Icon = file.contentType.startsWith("image/") ? ImageIcon : FileText;
              return (
                <li key={file.id} className="flex items-center gap-2">
                  <Icon aria-hidden className="size-4 shrink-0 text-slate-400" />
                  <a
                    href={`/api/attachments/${file.id}`}
                    target="_blank"
                    rel="noopener"
                    className="focus-ring min-w-0 truncate rounded text-indigo-700 hover:underline"
                  >
                    {file.fileName}
                  </a>
                  <span className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">
                    {format.number(file.size / 1024, { maximumFractionDigits: 0 })} KB
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {canUpload ? <AttachmentUpload reference={reference} /> : null}
      </CardContent>
    </Card>
  );
}
