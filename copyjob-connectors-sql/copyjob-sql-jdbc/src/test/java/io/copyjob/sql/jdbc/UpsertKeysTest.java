package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.WriteStrategy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpsertKeysTest {
  private static final Schema WRITTEN = Schema.of(Field.of("id", LogicalType.int32()), Field.of("sku", LogicalType.string()));
  private static final Set<String> COLUMNS = Set.of("id", "sku", "qty");

  @Test
  void explicitKeysElseThePrimaryKey() {
    assertThat(UpsertKeys.resolve(WriteStrategy.upsert("sku"), List.of("id"), COLUMNS::contains, WRITTEN, "s.t"))
        .containsExactly("sku");
    assertThat(UpsertKeys.resolve(WriteStrategy.upsert(), List.of("id"), COLUMNS::contains, WRITTEN, "s.t"))
        .containsExactly("id");
  }

  @Test
  void clearErrorsNamingTheTable() {
    assertThatThrownBy(() -> UpsertKeys.resolve(WriteStrategy.upsert(), List.of(), COLUMNS::contains, WRITTEN, "s.t"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_UPSERT_KEYS))
        .hasMessageContaining("s.t has no primary key");
    assertThatThrownBy(() -> UpsertKeys.resolve(WriteStrategy.upsert("nope"), List.of(), COLUMNS::contains, WRITTEN, "s.t"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    assertThatThrownBy(() -> UpsertKeys.resolve(WriteStrategy.upsert("qty"), List.of(), COLUMNS::contains, WRITTEN, "s.t"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JOB));
  }
}
