// Enum values of reference data, as plain arrays the client bundle can import.
export const ROOT_CAUSE_KINDS = ["people", "process", "system", "policy", "external"] as const;
export type RootCauseKindValue = (typeof ROOT_CAUSE_KINDS)[number];
