-- Pulls list a device's refused ops above what it knows; most ops are not refused, so only
-- the refused ones are indexed.
CREATE INDEX ops_refused ON ops (device, counter) WHERE refused IS NOT NULL;
