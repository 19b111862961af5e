import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-[13px] leading-5 font-medium text-slate-700", className)} {...props} />;
}
