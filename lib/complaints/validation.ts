// Kept for existing imports: the one field-error mapper lives in lib/errors.ts.
export { fieldErrors } from "@/lib/errors";
