import { cn } from "@/components/ui/cn";

/** The Skyline mark: a horizon line under a rising flight path. Decorative; the product name is text beside it. */
export function ProductLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-8", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-500" />
      <path d="M7 21.5h18" stroke="white" strokeOpacity="0.55" strokeWidth="2" strokeLinecap="round" />
      <path d="M8 17.5 L14 15 L17.5 10 L19.5 10.5 L18 14 L24 11.5 C25.3 11 26 12.4 24.8 13.1 L11 19.5 Z" fill="white" />
    </svg>
  );
}

type ProductMarkProps = { name: string; localName?: string; tone?: "light" | "dark"; className?: string };

export function ProductMark({ name, localName, tone = "dark", className }: ProductMarkProps) {
  return (
    <div className={cn("flex items-center gap-2.5", className)}>
      <ProductLogo />
      <div className="flex flex-col leading-tight">
        <span
          className={cn("text-[15px] font-semibold tracking-tight", tone === "dark" ? "text-white" : "text-slate-900")}
        >
          {name}
        </span>
        {localName ? (
          <span className={cn("text-[11px]", tone === "dark" ? "text-slate-400" : "text-slate-500")}>{localName}</span>
        ) : null}
      </div>
    </div>
  );
}
