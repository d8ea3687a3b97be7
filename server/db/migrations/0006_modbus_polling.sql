DROP INDEX "data_points_gateway_register_live_idx";--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "function" text DEFAULT 'holding' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "data_type" text DEFAULT 'uint16' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "word_order" text DEFAULT 'big' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "value_offset" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "connection" jsonb DEFAULT '{"protocol":"push"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "poll_last_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "poll_duration_ms" integer;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "poll_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "poll_last_error" text;--> statement-breakpoint
CREATE UNIQUE INDEX "data_points_gateway_function_register_live_idx" ON "data_points" USING btree ("gateway_id","function","register") WHERE "data_points"."archived_at" IS NULL;