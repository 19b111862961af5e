import { ForbiddenPanel } from "@/components/shell/error-panels";

// Rendered by forbidden() outside the app shell (needs next.config experimental.authInterrupts).
export default function Forbidden() {
  return (
    <main data-testid="forbidden" className="flex min-h-dvh items-center justify-center">
      <ForbiddenPanel />
    </main>
  );
}
