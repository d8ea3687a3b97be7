CREATE TABLE "threshold_states" (
	"zone_id" integer NOT NULL,
	"device_id" integer NOT NULL,
	"metric" text NOT NULL,
	"breached_since" timestamp with time zone,
	"last_raised_at" timestamp with time zone,
	CONSTRAINT "threshold_states_zone_id_device_id_metric_pk" PRIMARY KEY("zone_id","device_id","metric")
);
--> statement-breakpoint
DROP INDEX "data_points_gateway_register_idx";--> statement-breakpoint
DROP INDEX "devices_tenant_uid_idx";--> statement-breakpoint
ALTER TABLE "data_points" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_owner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "imei" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "threshold_states" ADD CONSTRAINT "threshold_states_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_states" ADD CONSTRAINT "threshold_states_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_points_gateway_register_live_idx" ON "data_points" USING btree ("gateway_id","register") WHERE "data_points"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX "data_points_gateway_idx" ON "data_points" USING btree ("gateway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_tenant_uid_live_idx" ON "devices" USING btree ("tenant_id","uid") WHERE "devices"."archived_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_tenant_serial_live_idx" ON "gateways" USING btree ("tenant_id","serial") WHERE "gateways"."archived_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_imei_live_idx" ON "vehicles" USING btree ("imei") WHERE "vehicles"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX "devices_tenant_uid_idx" ON "devices" USING btree ("tenant_id","uid");--> statement-breakpoint
UPDATE "users" SET "is_owner" = true WHERE "id" = (SELECT min("id") FROM "users" WHERE "role" = 'admin');
