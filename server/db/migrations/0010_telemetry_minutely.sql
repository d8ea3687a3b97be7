CREATE TABLE "telemetry_minutely" (
	"zone_id" integer NOT NULL,
	"metric" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"device_id" integer NOT NULL,
	"count" integer NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	CONSTRAINT "telemetry_minutely_zone_id_metric_minute_device_id_pk" PRIMARY KEY("zone_id","metric","minute","device_id")
);
--> statement-breakpoint
CREATE INDEX "telemetry_minutely_minute_idx" ON "telemetry_minutely" USING btree ("minute");--> statement-breakpoint
-- Telemetry stored before this migration: rolled up once here, later samples are merged in as they arrive.
INSERT INTO "telemetry_minutely" ("zone_id", "metric", "minute", "device_id", "count", "sum", "min", "max")
SELECT "zone_id", "metric", date_bin('1 minute', "recorded_at", TIMESTAMPTZ '1970-01-01 00:00:00+00'), "device_id", count(*), sum("value"), min("value"), max("value")
FROM "telemetry" WHERE "zone_id" IS NOT NULL
GROUP BY 1, 2, 3, 4;
