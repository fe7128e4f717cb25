package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.testkit.PostgresServer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JdbcWatermarkStoreIT {

  private static PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(PostgresServer.jdbcUrl(PostgresServer.newDatabase("watermarks")));
    ds.setUser(PostgresServer.USER);
    return ds;
  }

  @Test
  void comparesAndSetsInTheDatabase() {
    WatermarkStore store = WatermarkStores.jdbc(dataSource());
    WatermarkStoresTest.exerciseCompareAndSet(store);
  }

  @Test
  void aTableOfTheSameNameInAnotherSchemaDoesNotCount() throws Exception {
    PGSimpleDataSource ds = dataSource();
    try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA elsewhere");
      s.execute("CREATE TABLE elsewhere.copyjob_watermark (unrelated int)");
    }
    WatermarkStore store = WatermarkStores.jdbc(ds);
    Watermark w = Watermark.of(LogicalType.int64(), 7L);
    store.save("job", DatasetId.of("t"), Optional.empty(), w);
    assertThat(WatermarkStores.jdbc(ds).load("job", DatasetId.of("t"))).contains(w);
  }

  @Test
  void keepsMicrosecondsAndSurvivesANewStoreInstance() {
    PGSimpleDataSource ds = dataSource();
    Watermark w = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
    WatermarkStores.jdbc(ds, "public.my_marks").save("job", DatasetId.of("t"), Optional.empty(), w);
    assertThat(WatermarkStores.jdbc(ds, "public.my_marks").load("job", DatasetId.of("t"))).contains(w);
  }

  @Test
  void onlyOneOfTwoConcurrentSavesFromTheSameValueWins() throws Exception {
    PGSimpleDataSource ds = dataSource();
    DatasetId table = DatasetId.of("public", "orders");
    Watermark start = Watermark.of(LogicalType.int64(), 1L);
    WatermarkStores.jdbc(ds).save("job", table, Optional.empty(), start);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long next = 10 + i;
      Callable<Boolean> save = () -> {
        try {
          WatermarkStores.jdbc(ds).save("job", table, Optional.of(start), Watermark.of(LogicalType.int64(), next));
          return true;
        } catch (CopyJobException e) {
          assertThat(e.code()).isEqualTo(ErrorCode.WATERMARK_CONFLICT);
          return false;
        }
      };
      results.add(pool.submit(save));
    }
    int winners = 0;
    for (Future<Boolean> f : results) {
      winners += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
  }
}
