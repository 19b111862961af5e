// Fields of a customer merge that the supervisor picks one by one (shared by the merge form and the service).
export const MERGE_FIELDS = [
  "name",
  "phone",
  "email",
  "idNumber",
  "locale",
  "membershipNumber",
  "tierId",
  "company",
  "specialNeeds",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeSide = {
  id: number;
  version: number;
  values: Record<MergeField, string | null>;
  tags: string[];
  complaintCount: number;
};
