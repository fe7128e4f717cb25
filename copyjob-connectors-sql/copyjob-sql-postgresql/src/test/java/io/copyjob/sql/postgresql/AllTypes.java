package io.copyjob.sql.postgresql;

/** A table with a column of every mapped type, and rows at the edges of each type. */
final class AllTypes {
  static final String TEXT = "quote ' dquote \" comma , newline \n tab \t backslash \\ cr \r é 名 😀";

  private AllTypes() {
  }

  static void create(PgTestDb db, String table) {
    db.exec("CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "CREATE TABLE " + table + " (id bigint PRIMARY KEY, amount numeric(38,9), ts timestamp(6), tstz timestamptz,"
            + " d date, flag boolean, bin bytea, u uuid, doc jsonb, txt text, small smallint, dbl double precision,"
            + " i integer, r real, vc varchar(10), ch char(3), js json, tm time, free numeric, iv interval,"
            + " arr integer[], m mood)",
        "INSERT INTO " + table + " VALUES (1, 12345678901234567890123456789.123456789, '0001-01-01 00:00:00',"
            + " '9999-12-31 23:59:59.999999+00', '0001-01-01', true, '\\x00ff10', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
            + " '{\"a\": [1, \"x\"]}', " + PostgresDialect.stringLiteral(TEXT) + ", -32768, 1.5e300, 2147483647, 0.25,"
            + " 'abc', 'ab', '[1,2]', '23:59:59.999999', 1.25, '1 day 02:03:04', '{1,NULL,3}', 'happy')",
        "INSERT INTO " + table + " VALUES (2, -0.000000001, '2024-02-29 12:34:56.123456', '1970-01-01 00:00:00+00',"
            + " '9999-12-31', false, '\\x', '00000000-0000-0000-0000-000000000000', '[]', '', 32767, -0.0, -2147483648,"
            + " -1e-30, '', '', '{}', '00:00:00', -99999999999999999999.999999999999999999, '-3 mons', '{}', 'sad')",
        "INSERT INTO " + table + " (id) VALUES (3)");
  }
}
