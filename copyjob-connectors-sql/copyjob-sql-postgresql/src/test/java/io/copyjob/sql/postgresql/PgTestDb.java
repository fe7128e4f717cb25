package io.copyjob.sql.postgresql;

import io.copyjob.ConnectorSpec;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fresh database on the embedded server, and the connector driven through the SPI as the engine would. */
final class PgTestDb {
  static final PostgresConnectorProvider PROVIDER = new PostgresConnectorProvider();
  final String name;

  PgTestDb(String prefix) {
    this.name = PostgresServer.newDatabase(prefix);
  }

  String url() {
    return PostgresServer.jdbcUrl(name);
  }

  ConnectorOptions options(String... extra) {
    ConnectorSpec spec = PostgresConnection.of(url(), PostgresServer.USER, "");
    for (int i = 0; i < extra.length; i += 2) {
      spec = spec.with(extra[i], extra[i + 1]);
    }
    return spec.toOptions(PROVIDER);
  }

  SourceConnector source() {
    return PROVIDER.createSource(options());
  }

  SinkConnector sink(String... extra) {
    return PROVIDER.createSink(options(extra));
  }

  void exec(String... statements) {
    try (Connection c = PostgresServer.connect(name); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of {@code sql} as text values (null stays null). */
  List<List<String>> rows(String sql) {
    try (Connection c = PostgresServer.connect(name); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String table) {
    return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0).get(0));
  }

  boolean exists(String table) {
    return rows("SELECT to_regclass('" + table + "')").get(0).get(0) != null;
  }

  DatasetInfo describe(String table) {
    try (SourceConnector s = source()) {
      return s.describe(DatasetId.parse(table)).orElseThrow();
    }
  }

  /** Reads every split of {@code request} in one session; batches in split order. */
  static List<RecordBatch> readAll(SourceConnector source, ReadRequest request) {
    try (ReadSession session = source.beginRead(request)) {
      Optional<io.copyjob.spi.Watermark> upper = session.upperBound();
      List<RecordBatch> batches = new ArrayList<>();
      for (Split split : session.planSplits(upper)) {
        try (SplitReader r = session.openReader(split)) {
          for (RecordBatch b = r.next(); b != null; b = r.next()) {
            batches.add(b);
          }
        }
      }
      return batches;
    }
  }

  List<RecordBatch> readAll(String table) {
    try (SourceConnector s = source()) {
      DatasetInfo info = s.describe(DatasetId.parse(table)).orElseThrow();
      return readAll(s, ReadRequest.builder("test", info).build());
    }
  }

  /** Writes {@code batches} through one transaction and commits; returns the rows the sink reports. */
  static long write(SinkConnector sink, WriteRequest request, List<RecordBatch> batches) {
    try (WriteTransaction tx = sink.begin(request)) {
      SplitWriter w = tx.openWriter(0);
      try {
        for (RecordBatch b : batches) {
          w.write(b);
        }
        return tx.commit(List.of(w.finish()));
      } catch (RuntimeException e) {
        w.abort();
        tx.abort();
        throw e;
      }
    }
  }

  static WriteRequest request(String table, Schema schema, WriteStrategy strategy, List<String> primaryKey) {
    return WriteRequest.of("test", "run1", DatasetId.parse(table), schema, strategy, primaryKey, TableCreation.CREATE_IF_ABSENT);
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
