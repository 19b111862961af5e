"use client";
// Minimal toasts: a polite live region for confirmations, an assertive one for errors. Auto-dismiss after 5 s.
import { CheckCircle2, AlertCircle, Info, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type ToastTone = "success" | "error" | "info";
type Toast = { id: number; tone: ToastTone; title: string; description?: string };
type ToastApi = { toast: (toast: Omit<Toast, "id">) => void };

const ToastContext = createContext<ToastApi | null>(null);
const DISMISS_AFTER_MS = 5_000;

export function useToast(): ToastApi {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast must be used inside <ToastProvider>");
  return context;
}

const ICONS = { success: CheckCircle2, error: AlertCircle, info: Info } as const;
const ICON_TONES = { success: "text-success-600", error: "text-danger-600", info: "text-brand-600" } as const;

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const t = useTranslations("common");
  const Icon = ICONS[toast.tone];
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), DISMISS_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [toast.id, onDismiss]);
  return (
    <li className="pointer-events-auto flex w-80 items-start gap-3 rounded-lg border border-slate-200 bg-white p-3.5 shadow-pop animate-slide-in">
      <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", ICON_TONES[toast.tone])} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">{toast.title}</p>
        {toast.description ? <p className="mt-0.5 text-[13px] text-slate-600">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label={t("dismiss")}
        className="focus-ring -m-1 rounded p-1 text-slate-400 hover:text-slate-700"
      >
        <X aria-hidden className="size-4" />
      </button>
    </li>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({ toast: (toast) => setToasts((list) => [...list.slice(-3), { ...toast, id: nextId.current++ }]) }),
    [],
  );
  const polite = toasts.filter((toast) => toast.tone !== "error");
  const assertive = toasts.filter((toast) => toast.tone === "error");
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex flex-col gap-2">
        <ol aria-live="polite" role="status" className="flex flex-col gap-2">
          {polite.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
        <ol aria-live="assertive" role="alert" className="flex flex-col gap-2">
          {assertive.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
      </div>
    </ToastContext.Provider>
  );
}
