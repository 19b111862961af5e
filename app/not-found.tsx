import { NotFoundPanel } from "@/components/shell/error-panels";

export default function NotFound() {
  return (
    <main data-testid="not-found" className="flex min-h-dvh items-center justify-center">
      <NotFoundPanel />
    </main>
  );
}
