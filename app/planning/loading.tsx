import { PageSkeleton, SkeletonCards, SkeletonPanel } from "@/components/ui/page-skeleton";

/** The Planning page's shape while the server reads the rollups: filters, four figures, the chart and four tables. */
export default function Loading() {
  return (
    <PageSkeleton>
      <div className="mb-6 flex flex-wrap gap-4">
        <div className="h-10 w-72 max-w-full rounded-md bg-slate-200" />
        <div className="h-10 w-48 rounded-md bg-slate-200" />
        <div className="h-10 w-64 max-w-full rounded-md bg-slate-200" />
      </div>
      <SkeletonCards count={4} className="lg:grid-cols-4" />
      <SkeletonPanel className="mt-6 h-96" />
      {[0, 1, 2].map((i) => (
        <SkeletonPanel key={i} className="mt-6 h-64" />
      ))}
    </PageSkeleton>
  );
}
