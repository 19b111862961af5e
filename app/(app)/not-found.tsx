import { NotFoundPanel } from "@/components/shell/error-panels";

// notFound() from a staff page (e.g. a complaint outside the user's scope): the 404 inside the app shell.
export default function AppNotFound() {
  return (
    <div data-testid="not-found">
      <NotFoundPanel />
    </div>
  );
}
