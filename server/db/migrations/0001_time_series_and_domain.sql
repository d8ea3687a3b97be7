CREATE TABLE "command_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"command_id" integer NOT NULL,
	"status" text NOT NULL,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"register" integer NOT NULL,
	"scale" double precision DEFAULT 1 NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"label" text NOT NULL,
	"group_name" text DEFAULT 'General' NOT NULL,
	"last_value" double precision,
	"last_quality" text,
	"last_read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "geo_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"vehicle_id" integer NOT NULL,
	"geozone_id" integer,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geozones" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"name" text NOT NULL,
	"shape" jsonb NOT NULL,
	"color" text DEFAULT '#2563eb' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" integer NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"vehicle_id" integer NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"speed" double precision DEFAULT 0 NOT NULL,
	"course" double precision DEFAULT 0 NOT NULL,
	"altitude" double precision,
	"satellites" integer,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"data_point_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"quality" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"zone_id" integer,
	"device_id" integer NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_latest" (
	"device_id" integer NOT NULL,
	"metric" text NOT NULL,
	"zone_id" integer,
	"value" double precision NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "telemetry_latest_device_id_metric_pk" PRIMARY KEY("device_id","metric")
);
--> statement-breakpoint
CREATE TABLE "vehicle_geozones" (
	"vehicle_id" integer NOT NULL,
	"geozone_id" integer NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vehicle_geozones_vehicle_id_geozone_id_pk" PRIMARY KEY("vehicle_id","geozone_id")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "device_id" integer;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "metric" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "value" double precision;--> statement-breakpoint
ALTER TABLE "commands" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "commands" ADD COLUMN "timeout_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "lon" double precision;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "speed" double precision;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "course" double precision;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "sensors" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "speed_limit" double precision DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "last_position_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "command_transitions" ADD CONSTRAINT "command_transitions_command_id_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."commands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_points" ADD CONSTRAINT "data_points_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_events" ADD CONSTRAINT "geo_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_events" ADD CONSTRAINT "geo_events_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_events" ADD CONSTRAINT "geo_events_geozone_id_geozones_id_fk" FOREIGN KEY ("geozone_id") REFERENCES "public"."geozones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geozones" ADD CONSTRAINT "geozones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_data_point_id_data_points_id_fk" FOREIGN KEY ("data_point_id") REFERENCES "public"."data_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry" ADD CONSTRAINT "telemetry_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry" ADD CONSTRAINT "telemetry_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry" ADD CONSTRAINT "telemetry_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_latest" ADD CONSTRAINT "telemetry_latest_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_latest" ADD CONSTRAINT "telemetry_latest_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_geozones" ADD CONSTRAINT "vehicle_geozones_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_geozones" ADD CONSTRAINT "vehicle_geozones_geozone_id_geozones_id_fk" FOREIGN KEY ("geozone_id") REFERENCES "public"."geozones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "command_transitions_command_idx" ON "command_transitions" USING btree ("command_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_points_gateway_register_idx" ON "data_points" USING btree ("gateway_id","register");--> statement-breakpoint
CREATE INDEX "geo_events_tenant_idx" ON "geo_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "geozones_tenant_idx" ON "geozones" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "positions_vehicle_time_idx" ON "positions" USING btree ("vehicle_id","recorded_at");--> statement-breakpoint
CREATE INDEX "positions_time_idx" ON "positions" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "readings_point_time_idx" ON "readings" USING btree ("data_point_id","recorded_at");--> statement-breakpoint
CREATE INDEX "readings_time_idx" ON "readings" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "telemetry_device_metric_time_idx" ON "telemetry" USING btree ("device_id","metric","recorded_at");--> statement-breakpoint
CREATE INDEX "telemetry_zone_time_idx" ON "telemetry" USING btree ("zone_id","recorded_at");--> statement-breakpoint
CREATE INDEX "telemetry_time_idx" ON "telemetry" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "telemetry_latest_zone_idx" ON "telemetry_latest" USING btree ("zone_id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;