/**
 * Running jobs on a schedule: {@link io.copyjob.core.schedule.Scheduler} runs {@link io.copyjob.CopyJob}s once, at a
 * fixed rate or on cron expressions ({@link io.copyjob.core.schedule.Schedule}), one run per job at a time, with
 * {@link io.copyjob.core.schedule.OverlapPolicy overlap} and {@link io.copyjob.core.schedule.MisfirePolicy misfire}
 * policies; a {@link io.copyjob.core.schedule.JobLock} (PostgreSQL advisory lock, SQL Server application lock) keeps
 * application instances that share a database from running one job at the same time.
 */
package io.copyjob.core.schedule;
