// The intake form's resolver: zod and the shared complaint schemas, in a chunk of its own that intake-form.tsx loads
// on the first validation rather than with the page (keeps /complaints/new within the 250 kB budget).
import { zodResolver } from "@hookform/resolvers/zod";
import { intakeFormSchema } from "@/components/complaints/intake/intake-schema";

export const intakeResolver = zodResolver(intakeFormSchema);
