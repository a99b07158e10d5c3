-- listExistingPartitions
select n as name from unnest($1::text[]) n where to_regclass(n) is not null;

-- createMonthPartition
create table if not exists events_2040_01 partition of events for values from ('2040-01-01 00:00:00+00') to ('2040-02-01 00:00:00+00');
