package io.copyjob.testkit;

/** A table with every type the round-trip tests compare, and rows at the edges of each. */
public final class AllTypesTable {
  public static final String COLUMNS = "id bigint PRIMARY KEY, amount numeric(38,9), at timestamp(6), at_tz timestamptz,"
      + " day date, flag boolean, bytes bytea, ref uuid, doc jsonb, note text, small smallint, ratio double precision";

  private AllTypesTable() {
  }

  /** Creates {@code table} in {@code db} with four rows of edge values. */
  public static void create(TestDatabase db, String table) {
    db.exec("CREATE TABLE " + table + " (" + COLUMNS + ")",
        "INSERT INTO " + table + " VALUES"
            + " (1, 12345678901234567890123456789.123456789, '2024-02-29 23:59:59.999999', '2024-02-29 23:59:59.999999+05:30',"
            + "  '2024-02-29', true, '\\x00ff10', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": [1, 2.50, \"x\"], \"b\": null}',"
            + "  'quotes \" and '' commas, semicolons; tabs\tand\nnewlines\r\nend', -32768, 1.5e300),"
            + " (2, -0.000000001, '0001-01-01 00:00:00', '1970-01-01 00:00:00+00', '0001-01-01', false, '\\x', "
            + "  '00000000-0000-0000-0000-000000000000', '[]', '', 32767, -0.0),"
            + " (3, 0, '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00', '9999-12-31', null, null, null, null,"
            + "  null, null, null),"
            + " (4, 1.5, '2000-01-01 00:00:00.000001', '1999-12-31 23:59:59.000001-08', '2000-01-01', true,"
            + "  '\\x0001020304', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '\"just a string\"',"
            + "  'non-ASCII: Grüße, 東京, emoji 🚀, ü', 0, 3.141592653589793)");
  }
}
