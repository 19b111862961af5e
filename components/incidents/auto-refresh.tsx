"use client";
// While a run is queued or running, the page re-reads its progress every two seconds (display only).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function AutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
