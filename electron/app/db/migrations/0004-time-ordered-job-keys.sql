-- Job keys start with the job's UTC date and hour: content_hash becomes YYYYMMDDHH + the SHA-1 of the
-- job's content, and dedup_key (content_hash + ':' + n) and job_sightings.content_hash with it.
-- A log is written in time order, so the keys of one import now land next to each other at the end of
-- the unique and sighting indexes instead of on random pages all over them; a large import no longer
-- rewrites most of those indexes at every commit. The prefix comes from `time`, which the hash already
-- covers, so which jobs count as the same job is unchanged.
UPDATE print_jobs SET
  content_hash = substr(time, 1, 4) || substr(time, 6, 2) || substr(time, 9, 2) || substr(time, 12, 2) || content_hash,
  dedup_key = substr(time, 1, 4) || substr(time, 6, 2) || substr(time, 9, 2) || substr(time, 12, 2) || dedup_key;

-- A sighting's content is that of the job it points to.
UPDATE job_sightings SET content_hash = (SELECT j.content_hash FROM print_jobs j WHERE j.id = job_sightings.job_id);
