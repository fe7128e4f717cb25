package io.copyjob.sql.postgresql;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.Sql;
import java.util.List;

/**
 * How the batches of a write go into a table with COPY: the statement, and per column either a binary encoder
 * (when every column has one) or a text renderer (the text format, when some column needs PostgreSQL to parse
 * text). Decided once per write from the source types and the destination's column types.
 */
record CopyPlan(String sql, boolean binary, FieldEncoder[] encoders, TextRenderer[] renderers) {

  /** The plan for writing {@code source} columns into {@code qualifiedTable}, whose columns have {@code destTypes}. */
  static CopyPlan of(String qualifiedTable, Schema source, List<PgType> destTypes) {
    int n = source.size();
    FieldEncoder[] encoders = new FieldEncoder[n];
    boolean binary = true;
    for (int i = 0; i < n; i++) {
      encoders[i] = FieldEncoder.binary(source.field(i).type(), destTypes.get(i));
      binary &= encoders[i] != null;
    }
    String columns = Sql.columnList(PostgresDialect.INSTANCE, source.names());
    if (binary) {
      return new CopyPlan("COPY " + qualifiedTable + " (" + columns + ") FROM STDIN (FORMAT binary)", true, encoders, null);
    }
    TextRenderer[] renderers = new TextRenderer[n];
    for (int i = 0; i < n; i++) {
      Field f = source.field(i);
      renderers[i] = TextRenderer.forColumn(f.type(), destTypes.get(i));
    }
    // the text format's defaults: tab delimiter, \N for NULL (an empty field is an empty string), backslash escapes
    return new CopyPlan("COPY " + qualifiedTable + " (" + columns + ") FROM STDIN (FORMAT text)", false, null, renderers);
  }
}
