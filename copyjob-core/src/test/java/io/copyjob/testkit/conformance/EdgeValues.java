package io.copyjob.testkit.conformance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The round-trip table: one column of every {@link PortableType} and five rows of values at their edges
 * (largest and smallest numbers, decimal(38,9) at its limits, timestamps at years 1 and 9999 with every
 * fractional digit, an instant with a +05:30 offset, NULL next to the empty string and the text "NULL", quotes,
 * tabs, CR/LF, backslashes, Unicode and emoji, text longer than 8000 bytes, empty bytes).
 */
public final class EdgeValues {
  /** Columns in order; {@code id} is the primary key. */
  public static final Map<String, PortableType> COLUMNS = columns();

  static final String QUOTES = "quotes \" and ' commas, semicolons; tabs\tand\nnewlines\r\nend";
  static final String UNICODE = "non-ASCII: Grüße, 東京, emoji 🚀, ü";

  private EdgeValues() {
  }

  private static Map<String, PortableType> columns() {
    Map<String, PortableType> c = new LinkedHashMap<>();
    c.put("id", PortableType.INTEGER);
    c.put("big", PortableType.BIGINT);
    c.put("num", PortableType.INTEGER);
    c.put("amount", PortableType.DECIMAL);
    c.put("vc", PortableType.VARCHAR);
    c.put("txt", PortableType.TEXT);
    c.put("ts", PortableType.TIMESTAMP);
    c.put("tstz", PortableType.TIMESTAMP_TZ);
    c.put("on_day", PortableType.DATE);
    c.put("flag", PortableType.BOOLEAN);
    c.put("bin", PortableType.BINARY);
    c.put("ident", PortableType.UUID);
    return java.util.Collections.unmodifiableMap(c);
  }

  /** The column list for SELECT, in order. */
  public static String columnList() {
    return String.join(", ", COLUMNS.keySet());
  }

  /**
   * The rows as inserted: normal form, except that the instants carry explicit offsets. {@code digits} is the
   * database's {@link ConformanceDatabase#timestampDigits()}.
   */
  public static List<List<String>> inputs(int digits) {
    String nines = "9".repeat(digits);
    String fraction = "1234567".substring(0, digits);
    String longText = "x".repeat(9000) + " " + UNICODE;
    List<List<String>> rows = new ArrayList<>();
    rows.add(Arrays.asList("1", Long.toString(Long.MAX_VALUE), Integer.toString(Integer.MAX_VALUE),
        "99999999999999999999999999999.999999999", QUOTES, UNICODE, "9999-12-31 23:59:59." + nines,
        "9999-12-31 23:59:59." + nines + "+00:00", "9999-12-31", "true", "00ff10", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    rows.add(Arrays.asList("2", Long.toString(Long.MIN_VALUE), Integer.toString(Integer.MIN_VALUE),
        "-99999999999999999999999999999.999999999", "", "", "0001-01-01 00:00:00", "0001-01-01 00:00:00+00:00",
        "0001-01-01", "false", "", "00000000-0000-0000-0000-000000000000"));
    rows.add(Arrays.asList("3", null, null, null, null, null, null, null, null, null, null, null));
    rows.add(Arrays.asList("4", "0", "0", "-0.000000001", UNICODE, longText, "2024-02-29 12:34:56." + fraction,
        "2024-02-29 23:59:59." + nines + "+05:30", "2024-02-29", "true", "0001020304ff",
        "ffffffff-ffff-ffff-ffff-ffffffffffff"));
    rows.add(Arrays.asList("5", "42", "7", "1.5", "back\\slash \\N", "NULL", "1970-01-01 00:00:00",
        "1969-12-31 23:59:59." + fraction + "-08:00", "1970-01-01", "false", "00",
        "123e4567-e89b-12d3-a456-426614174000"));
    return rows;
  }

  /** The rows as every connector must give them back, in {@link NormalForm}, ordered by id. */
  public static List<List<String>> expected(int digits) {
    int tstz = new ArrayList<>(COLUMNS.keySet()).indexOf("tstz");
    List<List<String>> rows = new ArrayList<>();
    for (List<String> input : inputs(digits)) {
      List<String> row = new ArrayList<>(input);
      String at = row.get(tstz);
      row.set(tstz, at == null ? null : NormalForm.of(OffsetDateTime.parse(at.replace(' ', 'T'))));
      rows.add(row);
    }
    return rows;
  }

  /** Creates {@code name} in {@code sandbox} with the database's types and the edge rows. */
  public static void create(Sandbox sandbox, ConformanceDatabase database, String name) {
    sandbox.createTable(name, COLUMNS, "PRIMARY KEY (id)");
    sandbox.insert(name, COLUMNS, inputs(database.timestampDigits()));
  }
}
