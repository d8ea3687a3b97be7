ALTER TABLE "activity_events" ADD COLUMN "message_code" text;--> statement-breakpoint
ALTER TABLE "activity_events" ADD COLUMN "message_params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "message_code" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "message_params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "message_code" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "message_params" jsonb DEFAULT '{}'::jsonb NOT NULL;