"use server";
// Server actions of the category admin page: thin adapters over lib/reference/categories.ts.
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Result } from "@/lib/errors";
import { deleteCategory, deleteRootCause, saveCategory, saveRootCause } from "@/lib/reference/categories";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { z } from "zod";

const PAGE = "/admin/categories";

export const saveCategoryAction = guardAction("saveCategoryAction", z.tuple([actionArg.idOrNew, actionArg.input]), async (id: number | null, input: unknown): Promise<Result<{ id: number; version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await saveCategory(user.actor, id, input);
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const deleteCategoryAction = guardAction("deleteCategoryAction", z.tuple([actionArg.id]), async (id: number): Promise<Result<{ deleted: true }>> => {
  const user = await requirePermission("admin.config");
  const result = await deleteCategory(user.actor, id);
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const saveRootCauseAction = guardAction("saveRootCauseAction", z.tuple([actionArg.idOrNew, actionArg.input]), async (id: number | null, input: unknown): Promise<Result<{ id: number; version: string }>> => {
  const user = await requirePermission("admin.config");
  const result = await saveRootCause(user.actor, id, input);
  if (result.ok) revalidatePath(PAGE);
  return result;
});

export const deleteRootCauseAction = guardAction("deleteRootCauseAction", z.tuple([actionArg.id]), async (id: number): Promise<Result<{ deleted: true }>> => {
  const user = await requirePermission("admin.config");
  const result = await deleteRootCause(user.actor, id);
  if (result.ok) revalidatePath(PAGE);
  return result;
});
