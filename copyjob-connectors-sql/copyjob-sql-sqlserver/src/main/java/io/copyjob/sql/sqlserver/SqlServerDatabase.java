package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.copyjob.sql.jdbc.JdbcConnections;
import io.copyjob.sql.jdbc.JdbcDatabase;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;

/**
 * A configured SQL Server, Azure SQL, RDS or Fabric Warehouse database: reads with {@link SqlServerReadSession}s
 * (bounded key ranges and incremental bounds, one connection per split), writes with
 * {@link SqlServerWriteTransaction}s (bulk copy, MERGE upsert) or, for Fabric Warehouse, with
 * {@link FabricWriteTransaction}s (COPY INTO from staged Parquet files); one transaction per table. Immutable;
 * shared by the sessions and transactions of one source or sink.
 */
final class SqlServerDatabase implements JdbcDatabase {
  private static final SQLServerDriver DRIVER = new SQLServerDriver();

  private final SqlServerOptions options;
  private final SqlServerErrors errors;
  private final JdbcConnections connections;
  private final SqlServerCatalog catalog;

  SqlServerDatabase(SqlServerOptions options) {
    this.options = options;
    this.errors = new SqlServerErrors(options);
    this.connections = new JdbcConnections(SqlServerDialect.INSTANCE, DRIVER, options.url(), options.driverProperties(),
        options.location(), errors);
    this.catalog = new SqlServerCatalog(options.schema());
  }

  @Override
  public JdbcConnections connections() { return connections; }

  SqlServerOptions options() { return options; }

  SqlServerErrors errors() { return errors; }

  @Override
  public SqlServerCatalog catalog() { return catalog; }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return new SqlServerReadSession(this, request).start();
  }

  @Override
  public WriteTransaction beginWrite(WriteRequest request) {
    if (options.flavor() == SqlServerFlavor.FABRIC_WAREHOUSE) {
      return FabricSupport.begin(this, request);
    }
    return new SqlServerWriteTransaction(this, request).start();
  }
}
