CREATE TABLE `activations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pin_id` integer NOT NULL,
	`operation` text NOT NULL,
	`previous_pin_id` integer,
	`computer_id` integer NOT NULL,
	`fingerprint_id` integer,
	`method` text NOT NULL,
	`visibility` text NOT NULL,
	`lic_file_name` text,
	`lic_folder` text,
	`recorded_by` text,
	`activated_at` integer NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`pin_id`) REFERENCES `pins`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`previous_pin_id`) REFERENCES `pins`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`computer_id`) REFERENCES `computers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`fingerprint_id`) REFERENCES `fingerprints`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "activations_operation" CHECK("operation" in ('first', 'recovery')),
	CONSTRAINT "activations_method" CHECK("method" in ('automatic', 'request-file', 'medium')),
	CONSTRAINT "activations_visibility" CHECK("visibility" in ('all-users', 'current-user'))
);
--> statement-breakpoint
CREATE INDEX `activations_pin` ON `activations` (`pin_id`);--> statement-breakpoint
CREATE INDEX `activations_computer` ON `activations` (`computer_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`before` text,
	`after` text,
	`address` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `computers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`os_name` text,
	`os_version` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	CONSTRAINT "computers_role" CHECK("role" in ('workstation', 'terminal-server', '1c-server', 'license-manager', 'web-server'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `computers_name_unique` ON `computers` (lower("name"));--> statement-breakpoint
CREATE TABLE `fingerprints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`computer_id` integer NOT NULL,
	`taken_at` integer NOT NULL,
	`os_name` text,
	`os_version` text,
	`os_serial` text,
	`os_install_date` text,
	`hostname` text,
	`motherboard` text,
	`ram_mb` integer,
	`bios` text,
	`cpus` text DEFAULT '[]' NOT NULL,
	`nics` text DEFAULT '[]' NOT NULL,
	`disks` text DEFAULT '[]' NOT NULL,
	`notes` text,
	FOREIGN KEY (`computer_id`) REFERENCES `computers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fingerprints_computer` ON `fingerprints` (`computer_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `hardware_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series` text NOT NULL,
	`kind` text NOT NULL,
	`seats` integer NOT NULL,
	`key_number` text,
	`kit_id` integer,
	`computer_id` integer,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`kit_id`) REFERENCES `kits`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`computer_id`) REFERENCES `computers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "hardware_keys_kind" CHECK("kind" in ('local', 'network', 'server')),
	CONSTRAINT "hardware_keys_seats" CHECK("hardware_keys"."seats" >= 0)
);
--> statement-breakpoint
CREATE INDEX `hardware_keys_computer` ON `hardware_keys` (`computer_id`);--> statement-breakpoint
CREATE TABLE `infobases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`mode` text NOT NULL,
	`server_id` integer,
	`path` text,
	`rac_uuid` text,
	`license_distribution` text DEFAULT 'allow' NOT NULL,
	`use_hardware_license` integer DEFAULT true NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`server_id`) REFERENCES `servers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "infobases_mode" CHECK("mode" in ('file', 'client-server')),
	CONSTRAINT "infobases_distribution" CHECK("license_distribution" in ('allow', 'deny'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `infobases_name_unique` ON `infobases` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `infobases_rac_uuid_unique` ON `infobases` (`rac_uuid`);--> statement-breakpoint
CREATE TABLE `kits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reg_number` text NOT NULL,
	`product` text NOT NULL,
	`kind` text NOT NULL,
	`level` text DEFAULT 'PROF' NOT NULL,
	`seats` integer NOT NULL,
	`protection` text NOT NULL,
	`usage_mode` text,
	`server_bitness` text,
	`owner_id` integer,
	`purchase_date` text,
	`price_minor` integer,
	`currency` text DEFAULT 'RUB' NOT NULL,
	`supplier` text,
	`invoice` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "kits_reg_number_digits" CHECK(length("kits"."reg_number") between 9 and 12 and "kits"."reg_number" not glob '*[^0-9]*'),
	CONSTRAINT "kits_kind" CHECK("kind" in ('basic', 'client', 'server')),
	CONSTRAINT "kits_level" CHECK("level" in ('PROF', 'KORP', 'MINI')),
	CONSTRAINT "kits_protection" CHECK("protection" in ('software', 'hardware')),
	CONSTRAINT "kits_usage_mode" CHECK("usage_mode" is null or "usage_mode" in ('single', 'multi')),
	CONSTRAINT "kits_server_bitness" CHECK("server_bitness" is null or "server_bitness" in ('32', '64')),
	CONSTRAINT "kits_seats" CHECK("kits"."seats" >= 0),
	CONSTRAINT "kits_price" CHECK("kits"."price_minor" is null or "kits"."price_minor" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kits_reg_number_unique` ON `kits` (`reg_number`);--> statement-breakpoint
CREATE TABLE `no_license_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` integer NOT NULL,
	`user_name` text,
	`host` text,
	`computer_id` integer,
	`infobase_id` integer,
	`app_id` text,
	`message` text NOT NULL,
	`explanation` text DEFAULT '[]' NOT NULL,
	`reported_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`computer_id`) REFERENCES `computers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`infobase_id`) REFERENCES `infobases`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `no_license_events_occurred` ON `no_license_events` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`registration_data` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kit_id` integer NOT NULL,
	`set` text NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'unused' NOT NULL,
	`source` text DEFAULT 'envelope' NOT NULL,
	`code` text NOT NULL,
	`received_at` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`kit_id`) REFERENCES `kits`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "pins_set" CHECK("set" in ('single', 'multi')),
	CONSTRAINT "pins_role" CHECK("role" in ('main', 'backup', 'additional')),
	CONSTRAINT "pins_status" CHECK("status" in ('unused', 'active', 'spent', 'void')),
	CONSTRAINT "pins_source" CHECK("source" in ('envelope', 'licensing-center'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pins_code_unique` ON `pins` (`code`);--> statement-breakpoint
CREATE INDEX `pins_kit` ON `pins` (`kit_id`);--> statement-breakpoint
CREATE TABLE `servers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`computer_id` integer NOT NULL,
	`platform_version` text,
	`bitness` text DEFAULT '64' NOT NULL,
	`server_license_kit_id` integer,
	`service_user` text,
	`cluster_port` integer DEFAULT 1541 NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`computer_id`) REFERENCES `computers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`server_license_kit_id`) REFERENCES `kits`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "servers_bitness" CHECK("bitness" in ('32', '64'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `servers_name_unique` ON `servers` (`name`);--> statement-breakpoint
CREATE TABLE `session_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`taken_at` integer NOT NULL,
	`source` text NOT NULL,
	`server_id` integer,
	`session_count` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`server_id`) REFERENCES `servers`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "session_snapshots_source" CHECK("source" in ('demo', 'import', 'api'))
);
--> statement-breakpoint
CREATE INDEX `session_snapshots_taken_at` ON `session_snapshots` (`taken_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_uuid` text NOT NULL,
	`session_id` integer,
	`infobase_uuid` text,
	`infobase_id` integer,
	`connection` text,
	`process` text,
	`user_name` text,
	`host` text,
	`terminal_session` text,
	`app_id` text,
	`locale` text,
	`started_at` integer,
	`last_active_at` integer,
	`hibernate` integer,
	`client_ip` text,
	`license_full_name` text,
	`series` text,
	`issued_by_server` integer,
	`license_type` text,
	`net` integer,
	`max_users_all` integer,
	`max_users_cur` integer,
	`rmngr_address` text,
	`rmngr_port` integer,
	`rmngr_pid` text,
	`short_presentation` text,
	`full_presentation` text,
	`extra` text DEFAULT '{}' NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`matched_kit_id` integer,
	`matched_key_id` integer,
	FOREIGN KEY (`infobase_id`) REFERENCES `infobases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`matched_kit_id`) REFERENCES `kits`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`matched_key_id`) REFERENCES `hardware_keys`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_uuid_unique` ON `sessions` (`session_uuid`);--> statement-breakpoint
CREATE INDEX `sessions_seen` ON `sessions` (`first_seen_at`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `sessions_last_seen` ON `sessions` (`last_seen_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
