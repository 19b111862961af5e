"use client";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" size="sm" onClick={() => window.print()} data-testid="report-print">
      <Printer aria-hidden />
      {label}
    </Button>
  );
}
