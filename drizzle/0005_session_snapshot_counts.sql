ALTER TABLE `session_snapshots` ADD `licensed_count` integer;--> statement-breakpoint
ALTER TABLE `session_snapshots` ADD `matched_count` integer;--> statement-breakpoint
ALTER TABLE `session_snapshots` ADD `unmatched_count` integer;--> statement-breakpoint
ALTER TABLE `session_snapshots` ADD `warnings` text DEFAULT '[]' NOT NULL;