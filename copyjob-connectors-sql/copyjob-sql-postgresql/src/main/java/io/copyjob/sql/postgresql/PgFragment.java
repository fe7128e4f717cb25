package io.copyjob.sql.postgresql;

import io.copyjob.spi.Fragment;

/** What one writer sent within the sink's transaction: not visible until it commits. */
record PgFragment(long rows, long bytes) implements Fragment {
}
