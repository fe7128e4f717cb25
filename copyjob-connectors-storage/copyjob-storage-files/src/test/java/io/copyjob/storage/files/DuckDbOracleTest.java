package io.copyjob.storage.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.csv.CsvFormat;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by copyjob, read by an independent reader (DuckDB): every value must come back equal. Values
 * are compared in canonical forms (epoch micro/nanoseconds, hex, plain decimals) so that JDBC conversions do
 * not hide or invent differences.
 */
class DuckDbOracleTest {
  @TempDir
  Path dir;

  /** TestData's rows minus DuckDB's reserved ±infinity timestamps (Long.MAX_VALUE and MIN_VALUE + 1 ns). */
  private static List<Object[]> rows() {
    List<Object[]> rows = TestData.allTypesRows();
    int ts9 = TestData.ALL_TYPES.indexOf("ts9");
    int tz9 = TestData.ALL_TYPES.indexOf("tz9");
    rows.get(0)[ts9] = LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_806);
    rows.get(0)[tz9] = Instant.parse("2262-04-11T23:47:16.854775806Z");
    rows.get(1)[ts9] = LocalDateTime.of(1677, 9, 21, 0, 12, 43, 145_224_194);
    rows.get(1)[tz9] = Instant.parse("1677-09-21T00:12:43.145224194Z");
    return rows;
  }

  private static final String SELECT = "SELECT b, i8, i16, i32, i64, f32, f64, d9, d18, d38, s, hex(%s), CAST(u AS VARCHAR), "
      + "CAST(j AS VARCHAR), dt, t6, t9, epoch_us(ts6), epoch_ns(ts9), epoch_us(tz6), epoch_ns(tz9) FROM %s";

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void duckDbReadsCopyjobParquetWithEqualValues(ParquetCompression compression) throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    TestData.write(store, new ParquetFormat(compression), "t.parquet", TestData.ALL_TYPES, rows());
    String from = "read_parquet('" + dir.resolve("t.parquet") + "')";
    assertThat(query(String.format(SELECT, "bin", from))).isEqualTo(expected(rows()));
  }

  @ParameterizedTest
  @ValueSource(chars = {',', ';', '\t'})
  void duckDbReadsCopyjobCsvWithEqualValues(char delimiter) throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    FileFormat csv = new CsvFormat(new CsvSettings(delimiter, '"', true));
    TestData.write(store, csv, "t.csv", TestData.ALL_TYPES, rows());
    // DuckDB parses our text forms into typed values: ISO-8601 with up to nine digits, plain decimals, base64.
    // allow_quoted_nulls=false: DuckDB otherwise reads our quoted "" (the empty string) as NULL too.
    String columns = "{'b':'BOOLEAN','i8':'TINYINT','i16':'SMALLINT','i32':'INTEGER','i64':'BIGINT','f32':'FLOAT',"
        + "'f64':'DOUBLE','d9':'DECIMAL(9,2)','d18':'DECIMAL(18,0)','d38':'DECIMAL(38,9)','s':'VARCHAR','bin':'VARCHAR',"
        + "'u':'UUID','j':'VARCHAR','dt':'DATE','t6':'TIME','t9':'TIME_NS','ts6':'TIMESTAMP','ts9':'TIMESTAMP_NS',"
        + "'tz6':'TIMESTAMPTZ','tz9':'TIMESTAMPTZ_NS'}";
    String from = "read_csv('" + dir.resolve("t.csv") + "', header=true, auto_detect=false, delim='"
        + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "', quote='\"', escape='\"', allow_quoted_nulls=false, columns=" + columns + ")";
    assertThat(query(String.format(SELECT, "from_base64(bin)", from))).isEqualTo(expected(rows()));
  }

  private static List<List<Object>> query(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      try (ResultSet rs = st.executeQuery(sql)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object o = rs.getObject(i);
            if (i >= 16 && i <= 17 && o != null) {
              o = rs.getObject(i, java.time.LocalTime.class);
            } else if (i == 15 && o != null) {
              o = rs.getObject(i, java.time.LocalDate.class);
            }
            row.add(canonical(o));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<List<Object>> expected(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : rows) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < r.length; c++) {
        Object v = r[c];
        String name = TestData.ALL_TYPES.field(c).name();
        if (v == null) {
          row.add(null);
        } else if (name.equals("bin")) {
          row.add(HexFormat.of().withUpperCase().formatHex((byte[]) v));
        } else if (name.equals("u")) {
          row.add(v.toString());
        } else if (name.startsWith("ts")) {
          LocalDateTime t = (LocalDateTime) v;
          row.add(epoch(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), name.equals("ts9")));
        } else if (name.startsWith("tz")) {
          Instant t = (Instant) v;
          row.add(epoch(t.getEpochSecond(), t.getNano(), name.equals("tz9")));
        } else {
          row.add(canonical(v));
        }
      }
      out.add(row);
    }
    return out;
  }

  private static long epoch(long seconds, int nanos, boolean inNanos) {
    BigDecimal ns = BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(1_000_000_000L)).add(BigDecimal.valueOf(nanos));
    return inNanos ? ns.longValueExact() : ns.divide(BigDecimal.valueOf(1000)).longValueExact();
  }

  /** Numbers by value, text as is. */
  private static Object canonical(Object o) {
    if (o instanceof Float f) {
      return (double) f;
    }
    if (o instanceof Byte || o instanceof Short || o instanceof Integer) {
      return ((Number) o).longValue();
    }
    if (o instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return o;
  }
}
