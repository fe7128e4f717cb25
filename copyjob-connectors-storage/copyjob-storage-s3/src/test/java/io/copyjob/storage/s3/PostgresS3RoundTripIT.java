package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.testkit.PostgresServer;
import io.copyjob.testkit.S3ProxyServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL → Parquet on S3 → PostgreSQL: the same rows, value for value. */
class PostgresS3RoundTripIT {
  private static final int ROWS = 20_000;

  private static void exec(String db, String... sql) throws SQLException {
    try (Connection c = PostgresServer.connect(db); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static String query(String db, String sql) throws SQLException {
    try (Connection c = PostgresServer.connect(db); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  /** A digest of the table's rows in id order, each rendered by PostgreSQL as text. */
  private static String digest(String db) throws SQLException {
    return query(db, "SELECT count(*) || ':' || md5(string_agg(concat_ws('|', id, qty, customer, amount, price, "
        + "paid, day, updated_at, seen, uid), E'\\n' ORDER BY id)) FROM public.orders");
  }

  @Test
  void copiesATableThroughParquetOnS3AndBackUnchanged() throws Exception {
    String shop = PostgresServer.newDatabase("s3_shop");
    String warehouse = PostgresServer.newDatabase("s3_warehouse");
    exec(shop, "SET TIME ZONE 'UTC'",
        "CREATE TABLE public.orders (id bigint PRIMARY KEY, qty integer, customer text, amount numeric(12,2), "
            + "price double precision, paid boolean, day date, updated_at timestamp(6), seen timestamptz(6), uid uuid)",
        "INSERT INTO public.orders SELECT g, CASE WHEN g % 101 = 0 THEN NULL ELSE g % 1000 - 500 END, "
            + "CASE WHEN g % 103 = 0 THEN NULL ELSE 'customer ' || g || CASE WHEN g % 7 = 0 THEN ' ünï, \"q\"' ELSE '' END END, "
            + "(g * 1001 - 2500000) / 100.0, g / 7.0, g % 2 = 0, DATE '2020-01-01' + g, "
            + "TIMESTAMP '2024-02-29 23:59:59.123456' + g * INTERVAL '37 seconds', "
            + "TIMESTAMPTZ '2024-06-01 12:00:00.000001+00' + g * INTERVAL '1013 milliseconds', "
            + "md5(g::text)::uuid FROM generate_series(1, " + ROWS + ") g");
    S3ProxyServer s3 = S3ProxyServer.get();
    String bucket = s3.newBucket("pg-round-trip");
    ConnectorSpec lake = S3Location.builder().uri("s3://" + bucket + "/lake").endpoint(s3.endpoint())
        .region(s3.region()).credentials(s3.accessKeyId(), s3.secretAccessKey())
        .format(FilesLocation.Format.PARQUET).build();

    RunResult out = CopyJob.builder().name("pg-to-s3")
        .source(PostgresConnection.of(PostgresServer.jdbcUrl(shop), PostgresServer.USER, ""))
        .destination(lake).table("public.orders", t -> t.overwrite()).parallelism(2).build().run().throwIfFailed();
    assertThat(out.table("public.orders").orElseThrow().rowsWritten()).isEqualTo(ROWS);

    RunResult back = CopyJob.builder().name("s3-to-pg").source(lake)
        .destination(PostgresConnection.of(PostgresServer.jdbcUrl(warehouse), PostgresServer.USER, ""))
        .table("public.orders").parallelism(2).build().run().throwIfFailed();
    assertThat(back.table("public.orders").orElseThrow().rowsWritten()).isEqualTo(ROWS);

    assertThat(digest(warehouse)).startsWith(ROWS + ":").isEqualTo(digest(shop));
    assertThat(query(warehouse, "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) "
        + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'orders'"))
        .isEqualTo("id bigint, qty integer, customer text, amount numeric, price double precision, paid boolean, "
            + "day date, updated_at timestamp without time zone, seen timestamp with time zone, uid uuid");
  }
}
