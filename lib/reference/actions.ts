"use server";
// Server actions of the reference-data admin pages (reply templates, channels, categories and root causes,
// passenger volumes): thin adapters over lib/reference/*.
import { actionArg, defineAction } from "@/lib/actions/define";
import { deleteCategory, deleteRootCause, saveCategory, saveRootCause } from "@/lib/reference/categories";
import { updateChannel } from "@/lib/reference/channels";
import { savePassengerVolumes } from "@/lib/reference/passenger-volumes";
import { saveReplyTemplate, setReplyTemplateActive } from "@/lib/reference/reply-templates";

const CATEGORIES = "/admin/categories";
const TEMPLATES = "/admin/reply-templates";
const config = "admin.config" as const;

export const saveReplyTemplateAction = defineAction(
  {
    name: "saveReplyTemplateAction",
    permission: config,
    args: [actionArg.idOrNew, actionArg.input],
    revalidate: [TEMPLATES],
  },
  (actor, id, input) => saveReplyTemplate(actor, id, input),
);

export const setReplyTemplateActiveAction = defineAction(
  {
    name: "setReplyTemplateActiveAction",
    permission: config,
    args: [actionArg.id, actionArg.input],
    revalidate: [TEMPLATES],
  },
  (actor, id, input) => setReplyTemplateActive(actor, id, input),
);

export const updateChannelAction = defineAction(
  {
    name: "updateChannelAction",
    permission: config,
    args: [actionArg.id, actionArg.input],
    revalidate: ["/admin/channels"],
  },
  (actor, id, input) => updateChannel(actor, id, input),
);

export const saveCategoryAction = defineAction(
  {
    name: "saveCategoryAction",
    permission: config,
    args: [actionArg.idOrNew, actionArg.input],
    revalidate: [CATEGORIES],
  },
  (actor, id, input) => saveCategory(actor, id, input),
);

export const deleteCategoryAction = defineAction(
  { name: "deleteCategoryAction", permission: config, args: [actionArg.id], revalidate: [CATEGORIES] },
  (actor, id) => deleteCategory(actor, id),
);

export const saveRootCauseAction = defineAction(
  {
    name: "saveRootCauseAction",
    permission: config,
    args: [actionArg.idOrNew, actionArg.input],
    revalidate: [CATEGORIES],
  },
  (actor, id, input) => saveRootCause(actor, id, input),
);

export const deleteRootCauseAction = defineAction(
  { name: "deleteRootCauseAction", permission: config, args: [actionArg.id], revalidate: [CATEGORIES] },
  (actor, id) => deleteRootCause(actor, id),
);

export const savePassengerVolumesAction = defineAction(
  {
    name: "savePassengerVolumesAction",
    permission: config,
    args: [actionArg.input],
    revalidate: ["/admin/passenger-volumes"],
  },
  (actor, input) => savePassengerVolumes(actor, input),
);
