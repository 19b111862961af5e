"use server";
// Server actions of the knowledge base: thin adapters over lib/knowledge/service.ts (lib/actions/define.ts does the
// guard, sign-in, permission and input parsing).
import { actionArg, defineAction } from "@/lib/actions/define";
import {
  articleInputSchema,
  feedbackSchema,
  transitionArticleSchema,
  updateArticleSchema,
} from "@/lib/knowledge/schema";
import { createArticle, markHelpful, transitionArticle, updateArticle } from "@/lib/knowledge/service";

export const createArticleAction = defineAction(
  {
    name: "createArticleAction",
    permission: "knowledge.manage",
    schema: articleInputSchema,
    revalidate: ["/knowledge"],
  },
  (actor, input) => createArticle(actor, input),
);

export const updateArticleAction = defineAction(
  {
    name: "updateArticleAction",
    permission: "knowledge.manage",
    args: [actionArg.id],
    schema: updateArticleSchema,
    revalidate: (_result, id) => [`/knowledge/${id}`, "/knowledge"],
  },
  (actor, id, input) => updateArticle(actor, id, input),
);

// The step decides the permission (submit: knowledge.manage, approve: knowledge.approve …): the service checks it.
export const transitionArticleAction = defineAction(
  {
    name: "transitionArticleAction",
    args: [actionArg.id],
    schema: transitionArticleSchema,
    revalidate: (_result, id) => [`/knowledge/${id}`, "/knowledge"],
  },
  (actor, id, input) => transitionArticle(actor, id, input),
);

export const markHelpfulAction = defineAction(
  { name: "markHelpfulAction", permission: "knowledge.read", args: [actionArg.id], schema: feedbackSchema },
  (actor, id, input) => markHelpful(actor, id, input),
);
