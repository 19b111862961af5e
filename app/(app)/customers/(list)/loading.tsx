import { CustomerTableSkeleton } from "@/components/customers/customer-table-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function CustomersLoading() {
  return (
    <div>
      <Skeleton className="mb-6 h-8 w-48" />
      <Skeleton className="mb-4 h-10 w-full" />
      <CustomerTableSkeleton />
    </div>
  );
}
