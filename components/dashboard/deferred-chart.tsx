"use client";
// Renders a chart only once its card comes near the viewport: eight recharts charts drawn at load kept the main thread
// busy for ~340 ms on the manager dashboard (Lighthouse TBT). Until then an empty box of the chart's height holds the
// place (no layout shift); the card's "show as table" data is server-rendered either way.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function DeferredChart({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || shown) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setShown(true);
          observer.disconnect();
        }
      },
      { rootMargin: "120px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return shown ? <>{children}</> : <div ref={box} className="h-64" aria-hidden data-testid="chart-placeholder" />;
}
