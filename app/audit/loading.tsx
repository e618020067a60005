import { PageSkeleton, SkeletonPanel } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton>
      <SkeletonPanel className="mb-6 h-20" />
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="mb-4 h-5 w-56 rounded bg-slate-200" />
        {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
          <div key={i} className="mb-3 h-8 rounded bg-slate-100" />
        ))}
      </div>
    </PageSkeleton>
  );
}
