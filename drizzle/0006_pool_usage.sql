CREATE TABLE `pool_usage` (
	`snapshot_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`pool_id` text NOT NULL,
	`in_use` integer NOT NULL,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`snapshot_id`) REFERENCES `session_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pool_usage_snapshot_pool_unique` ON `pool_usage` (`snapshot_id`,`pool_id`);--> statement-breakpoint
CREATE INDEX `pool_usage_pool_taken_at` ON `pool_usage` (`pool_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `pool_usage_taken_at` ON `pool_usage` (`taken_at`);