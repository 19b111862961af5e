"use server";
// Server actions of quality inspection and appraisal: thin adapters over lib/quality/ (lib/actions/define.ts does the
// guard, sign-in, permission and input parsing; the use cases check scope and the four-eyes rules).
import { actionArg, defineAction } from "@/lib/actions/define";
import { acknowledgeAppraisal, commentAppraisal, requestAppraisals, saveTeamWeights } from "@/lib/quality/appraise";
import { appealInspection, decideAppeal, scoreInspectionCase, setCalibration } from "@/lib/quality/inspect";
import { requestSampling } from "@/lib/quality/sample";
import { createScorecard, saveSamplingPlan, updateScorecard } from "@/lib/quality/scorecards";
import {
  appealSchema,
  appraisalCommentSchema,
  decideAppealSchema,
  runMonthSchema,
  samplingPlanSchema,
  scoreInspectionSchema,
  scorecardSchema,
  updateScorecardSchema,
  versionOnlySchema,
  weightsSchema,
} from "@/lib/quality/schema";

const inspection = (_result: unknown, id: number) => [`/quality/inspections/${id}`, "/quality"];
const appraisal = (_result: unknown, id: number) => [`/quality/appraisals/${id}`, "/quality/appraisals"];

export const scoreInspectionAction = defineAction(
  {
    name: "scoreInspectionAction",
    permission: "quality.inspect",
    args: [actionArg.id],
    schema: scoreInspectionSchema,
    revalidate: inspection,
  },
  (actor, id, input) => scoreInspectionCase(actor, id, input),
);

export const setCalibrationAction = defineAction(
  {
    name: "setCalibrationAction",
    permission: "quality.inspect",
    args: [actionArg.id, actionArg.flag],
    schema: versionOnlySchema,
    revalidate: inspection,
  },
  (actor, id, open, input) => setCalibration(actor, id, input, open),
);

export const appealInspectionAction = defineAction(
  {
    name: "appealInspectionAction",
    permission: "quality.own",
    args: [actionArg.id],
    schema: appealSchema,
    revalidate: inspection,
  },
  (actor, id, input) => appealInspection(actor, id, input),
);

export const decideAppealAction = defineAction(
  {
    name: "decideAppealAction",
    permission: "quality.inspect",
    args: [actionArg.id],
    schema: decideAppealSchema,
    revalidate: inspection,
  },
  (actor, id, input) => decideAppeal(actor, id, input),
);

export const createScorecardAction = defineAction(
  {
    name: "createScorecardAction",
    permission: "quality.manage",
    schema: scorecardSchema,
    revalidate: ["/quality/settings"],
  },
  (actor, input) => createScorecard(actor, input),
);

export const updateScorecardAction = defineAction(
  {
    name: "updateScorecardAction",
    permission: "quality.manage",
    args: [actionArg.id],
    schema: updateScorecardSchema,
    revalidate: ["/quality/settings"],
  },
  (actor, id, input) => updateScorecard(actor, id, input),
);

export const saveSamplingPlanAction = defineAction(
  {
    name: "saveSamplingPlanAction",
    permission: "quality.manage",
    schema: samplingPlanSchema,
    revalidate: ["/quality/settings"],
  },
  (actor, input) => saveSamplingPlan(actor, input),
);

export const requestSamplingAction = defineAction(
  { name: "requestSamplingAction", permission: "quality.manage", schema: runMonthSchema },
  (actor, input) => requestSampling(actor, input),
);

export const requestAppraisalsAction = defineAction(
  { name: "requestAppraisalsAction", permission: "quality.manage", schema: runMonthSchema },
  (actor, input) => requestAppraisals(actor, input),
);

export const saveTeamWeightsAction = defineAction(
  {
    name: "saveTeamWeightsAction",
    permission: "quality.manage",
    schema: weightsSchema,
    revalidate: ["/quality/settings"],
  },
  (actor, input) => saveTeamWeights(actor, input),
);

export const commentAppraisalAction = defineAction(
  {
    name: "commentAppraisalAction",
    permission: "quality.inspect",
    args: [actionArg.id],
    schema: appraisalCommentSchema,
    revalidate: appraisal,
  },
  (actor, id, input) => commentAppraisal(actor, id, input),
);

export const acknowledgeAppraisalAction = defineAction(
  {
    name: "acknowledgeAppraisalAction",
    permission: "quality.own",
    args: [actionArg.id],
    schema: versionOnlySchema,
    revalidate: appraisal,
  },
  (actor, id, input) => acknowledgeAppraisal(actor, id, input),
);
