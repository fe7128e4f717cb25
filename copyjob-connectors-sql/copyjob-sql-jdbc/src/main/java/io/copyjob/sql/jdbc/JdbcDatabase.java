package io.copyjob.sql.jdbc;

import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;

/**
 * One configured database as a connector sees it: how to connect, how to read its catalog, and how it reads and
 * writes one table. Each SQL connector has one implementation; {@link JdbcSource} and {@link JdbcSink} run on it.
 */
public interface JdbcDatabase {

  /** Opens connections to the configured server. */
  JdbcConnections connections();

  /** Describes tables and views. */
  JdbcCatalog<?> catalog();

  /** Starts one read of one table, usually a started {@link JdbcReadSession}. */
  ReadSession beginRead(ReadRequest request);

  /** Starts one write of one table, usually a started {@link JdbcWriteTransaction}. */
  WriteTransaction beginWrite(WriteRequest request);
}
