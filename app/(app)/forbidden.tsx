import { ForbiddenPanel } from "@/components/shell/error-panels";

// forbidden() from a staff page: the 403 message inside the app shell, navigation still at hand.
export default function AppForbidden() {
  return (
    <div data-testid="forbidden">
      <ForbiddenPanel />
    </div>
  );
}
