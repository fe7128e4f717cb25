package io.copyjob.sql.postgresql;

/** How the PostgreSQL sink sends rows. */
public enum WriteMethod {
  /** {@code COPY ... FROM STDIN}, binary where every column allows it: the fastest; the default. */
  COPY,
  /** Batched {@code INSERT ... VALUES} with typed parameters: the "bulk insert" method, for servers or proxies without COPY. */
  INSERT
}
