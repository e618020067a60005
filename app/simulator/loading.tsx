import { PageSkeleton, SkeletonCards, SkeletonPanel } from "@/components/ui/page-skeleton";

/** The Simulator's shape while the server replays the history: the explanation, the tabs, the range, six figures, the chart, the cost table. */
export default function Loading() {
  return (
    <PageSkeleton>
      <SkeletonPanel className="mb-6 h-40" />
      <div className="mb-6 flex gap-2 border-b border-slate-200 pb-2">
        <div className="h-6 w-36 rounded bg-slate-200" />
        <div className="h-6 w-36 rounded bg-slate-200" />
      </div>
      <div className="mb-6 h-10 w-80 max-w-full rounded-md bg-slate-200" />
      <SkeletonCards count={6} className="lg:grid-cols-3" />
      <SkeletonPanel className="mt-6 h-96" />
      <SkeletonPanel className="mt-6 h-64" />
    </PageSkeleton>
  );
}
