import { PageSkeleton, SkeletonCards, SkeletonPanel } from "@/components/ui/page-skeleton";

/** The Seats page's shape while the server reads the series: filters, seven figures, the chart, two panels. */
export default function Loading() {
  return (
    <PageSkeleton>
      <div className="mb-6 flex flex-wrap gap-4">
        <div className="h-10 w-64 max-w-full rounded-md bg-slate-200" />
        <div className="h-10 w-72 max-w-full rounded-md bg-slate-200" />
      </div>
      <SkeletonCards count={7} className="lg:grid-cols-4" />
      <SkeletonPanel className="mt-6 h-96" />
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <SkeletonPanel className="h-64" />
        <SkeletonPanel className="h-64" />
      </div>
    </PageSkeleton>
  );
}
