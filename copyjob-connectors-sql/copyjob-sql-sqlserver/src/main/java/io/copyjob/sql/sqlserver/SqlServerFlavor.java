package io.copyjob.sql.sqlserver;

/**
 * Which TDS server the connector talks to. Flavours differ only in options and in the bulk path, never in copied
 * code: SQL Server, Azure SQL Database and Amazon RDS for SQL Server load with {@code SQLServerBulkCopy}; Fabric
 * Warehouse (which has no bulk-copy endpoint) loads with {@code COPY INTO} from Parquet files staged in storage.
 */
public enum SqlServerFlavor {
  /** SQL Server 2016 or later, on premises or in a VM or container. */
  SQLSERVER,
  /** Azure SQL Database and Azure SQL Managed Instance. */
  AZURE_SQL,
  /** Amazon RDS for SQL Server. */
  RDS,
  /** Microsoft Fabric Warehouse: loads through COPY INTO from {@code fabric.stagingLocation}. */
  FABRIC_WAREHOUSE;

  /** The option value, e.g. {@code azure-sql}. */
  public String optionValue() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
