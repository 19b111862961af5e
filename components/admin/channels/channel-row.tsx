"use client";
// One editable channel row: names, regulator flag, sort order and active flag, saved together.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TableCell, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { AdminChannel } from "@/lib/reference/channels";
import { updateChannelAction } from "@/lib/reference/actions";

export function ChannelRow({ channel }: { channel: Omit<AdminChannel, "_count"> }) {
  const t = useTranslations("adminChannels");
  const { toast } = useToast();
  const [draft, setDraft] = useState({
    nameZh: channel.nameZh,
    nameEn: channel.nameEn,
    isRegulator: channel.isRegulator,
    active: channel.active,
    sortOrder: String(channel.sortOrder),
  });
  const [version, setVersion] = useState(channel.version);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty =
    draft.nameZh !== channel.nameZh ||
    draft.nameEn !== channel.nameEn ||
    draft.isRegulator !== channel.isRegulator ||
    draft.active !== channel.active ||
    draft.sortOrder !== String(channel.sortOrder);

  function save() {
    startTransition(async () => {
      const result = await updateChannelAction(channel.id, { ...draft, sortOrder: Number(draft.sortOrder), version });
      if (result.ok) {
        setVersion(result.version);
        setError(null);
        toast({ tone: "success", title: t("saved", { code: channel.code }) });
        return;
      }
      setError(
        result.error === "conflict" ? t("errors.conflict") : result.fields ? t("errors.fields") : t("errors.failed"),
      );
    });
  }

  return (
    <TableRow data-testid={`channel-${channel.code}`}>
      <TableCell className="font-mono text-xs">
        {channel.code}
        <span className="block text-slate-500">{t(`kinds.${channel.kind}`)}</span>
      </TableCell>
      <TableCell>
        <Input
          aria-label={t("columns.nameZh")}
          value={draft.nameZh}
          maxLength={80}
          onChange={(e) => setDraft({ ...draft, nameZh: e.currentTarget.value })}
        />
      </TableCell>
      <TableCell>
        <Input
          aria-label={t("columns.nameEn")}
          value={draft.nameEn}
          maxLength={80}
          onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })}
        />
      </TableCell>
      <TableCell>
        <Input
          aria-label={t("columns.sortOrder")}
          type="number"
          min={0}
          max={9999}
          value={draft.sortOrder}
          className="w-20"
          onChange={(e) => setDraft({ ...draft, sortOrder: e.currentTarget.value })}
        />
      </TableCell>
      <TableCell className="text-center">
        <input
          type="checkbox"
          aria-label={t("columns.regulator")}
          className="focus-ring size-4 accent-brand-600"
          checked={draft.isRegulator}
          onChange={(e) => setDraft({ ...draft, isRegulator: e.currentTarget.checked })}
        />
      </TableCell>
      <TableCell className="text-center">
        <input
          type="checkbox"
          aria-label={t("columns.active")}
          className="focus-ring size-4 accent-brand-600"
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
        />
      </TableCell>
      <TableCell className="text-right text-[13px] tabular-nums">{channel.complaints}</TableCell>
      <TableCell className="text-right">
        <Button size="sm" variant={dirty ? "primary" : "secondary"} disabled={!dirty || pending} onClick={save}>
          {t("save")}
        </Button>
        {error ? (
          <p role="alert" className="mt-1 text-xs font-medium text-danger-700">
            {error}
          </p>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
