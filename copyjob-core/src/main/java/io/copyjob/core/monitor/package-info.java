/**
 * Watching runs: {@link io.copyjob.core.monitor.ConsoleProgress} draws each table's progress on a console,
 * {@link io.copyjob.core.monitor.MicrometerMetrics} publishes run results to a Micrometer registry (an optional
 * dependency, loaded only when that class is used), and {@link io.copyjob.core.monitor.RunReport} renders a job's
 * run history as one self-contained HTML page with a chart.
 */
package io.copyjob.core.monitor;
