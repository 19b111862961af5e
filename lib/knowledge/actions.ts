"use server";
// Server actions of the knowledge base: authenticate, call one service, revalidate, return its Result.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionArg, guardAction } from "@/lib/actions/guard";
import { requireUser } from "@/lib/auth/session";
import { createArticle, markHelpful, transitionArticle, updateArticle } from "@/lib/knowledge/service";

export const createArticleAction = guardAction("createArticleAction", z.tuple([actionArg.input]), async (input: unknown) => {
  const { actor } = await requireUser();
  const result = await createArticle(actor, input);
  if (result.ok) revalidatePath("/knowledge");
  return result;
});

export const updateArticleAction = guardAction("updateArticleAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const { actor } = await requireUser();
  const result = await updateArticle(actor, id, input);
  if (result.ok) revalidatePath(`/knowledge/${id}`);
  return result;
});

export const transitionArticleAction = guardAction("transitionArticleAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const { actor } = await requireUser();
  const result = await transitionArticle(actor, id, input);
  if (result.ok) {
    revalidatePath(`/knowledge/${id}`);
    revalidatePath("/knowledge");
  }
  return result;
});

export const markHelpfulAction = guardAction("markHelpfulAction", z.tuple([actionArg.id, actionArg.input]), async (id: number, input: unknown) => {
  const { actor } = await requireUser();
  return markHelpful(actor, id, input);
});
