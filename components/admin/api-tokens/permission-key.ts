// Message keys cannot contain dots: "complaint.read_all" is described under
// apiTokens.permissionHints.complaint_read_all.
import type { TokenPermission } from "@/lib/api-tokens/schema";

type HintKey<P extends string> = P extends `${infer Domain}.${infer Action}` ? `${Domain}_${Action}` : never;

export function permissionHintKey<P extends TokenPermission>(permission: P): `permissionHints.${HintKey<P>}` {
  return `permissionHints.${permission.replace(".", "_")}` as `permissionHints.${HintKey<P>}`;
}
