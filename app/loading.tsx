import { PageSkeleton, SkeletonCards, SkeletonPanel } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton>
      <SkeletonCards count={4} className="xl:grid-cols-4" />
      <SkeletonPanel className="mt-4 h-64" />
    </PageSkeleton>
  );
}
