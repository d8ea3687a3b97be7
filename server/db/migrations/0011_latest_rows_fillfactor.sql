-- Rows that ingest rewrites in place every second (each vehicle's latest position, each node's and data point's latest
-- value, each node's last contact) get half of every page free, so an update can stay on its page as a heap-only tuple
-- and write no index entries. Measured on the embedded database with 10 000 vehicles: the vehicles UPDATE took 42 % less
-- time. Existing pages take the setting as they are rewritten; nothing is rewritten here.
ALTER TABLE "vehicles" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "telemetry_latest" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "data_points" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "devices" SET (fillfactor = 50);
