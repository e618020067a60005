DROP INDEX `pins_code_unique`;--> statement-breakpoint
ALTER TABLE `pins` ADD `code_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `pins_code_hash_unique` ON `pins` (`code_hash`);