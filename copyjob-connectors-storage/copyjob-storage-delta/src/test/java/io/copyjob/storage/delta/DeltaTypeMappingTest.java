package io.copyjob.storage.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import org.junit.jupiter.api.Test;

class DeltaTypeMappingTest {
  private static final Schema ALL = Schema.of(
      Field.of("b", LogicalType.bool()), Field.of("i8", LogicalType.int8()), Field.of("i16", LogicalType.int16()),
      Field.of("i32", LogicalType.int32()), Field.required("i64", LogicalType.int64()),
      Field.of("f32", LogicalType.float32()), Field.of("f64", LogicalType.float64()),
      Field.of("d", LogicalType.decimal(38, 9)), Field.of("s", LogicalType.string()),
      Field.of("s20", LogicalType.string(20)), Field.of("bin", LogicalType.binary()), Field.of("j", LogicalType.json()),
      Field.of("day", LogicalType.date()), Field.of("ts3", LogicalType.timestamp(3)),
      Field.of("ts6", LogicalType.timestamp(6)), Field.of("tz6", LogicalType.timestampTz(6)));

  @Test
  void everyTypeGoesToDeltaAndComesBackEqual() {
    StructType delta = DeltaTypeMapping.toDelta(ALL, "t");
    assertThat(delta.get("i64").getDataType()).isEqualTo(LongType.LONG);
    assertThat(delta.get("i64").isNullable()).isFalse();
    assertThat(delta.get("d").getDataType()).isEqualTo(new DecimalType(38, 9));
    assertThat(delta.get("j").getDataType()).isEqualTo(StringType.STRING);
    assertThat(delta.get("ts3").getDataType()).isEqualTo(TimestampNTZType.TIMESTAMP_NTZ);
    assertThat(delta.get("tz6").getDataType()).isEqualTo(TimestampType.TIMESTAMP);
    assertThat(DeltaTypeMapping.fromDelta(delta, "t")).isEqualTo(ALL);
  }

  @Test
  void tablesWrittenByOthersMapFromTheDeltaTypesAlone() {
    StructType plain = new StructType().add("id", LongType.LONG, false).add("s", StringType.STRING)
        .add("ts", TimestampNTZType.TIMESTAMP_NTZ).add("tz", TimestampType.TIMESTAMP);
    assertThat(DeltaTypeMapping.fromDelta(plain, "t")).isEqualTo(Schema.of(Field.required("id", LogicalType.int64()),
        Field.of("s", LogicalType.string()), Field.of("ts", LogicalType.timestamp(6)),
        Field.of("tz", LogicalType.timestampTz(6))));
  }

  @Test
  void aUuidTravelsAsItsTextAndReadsBackAsString() {
    Schema uuid = Schema.of(Field.of("u", LogicalType.uuid()));
    StructType delta = DeltaTypeMapping.toDelta(uuid, "t");
    assertThat(delta.get("u").getDataType()).isEqualTo(StringType.STRING);
    assertThat(DeltaTypeMapping.fromDelta(delta, "t")).isEqualTo(Schema.of(Field.of("u", LogicalType.string())));
    assertThat(DeltaTypeMapping.fileSchema(uuid)).isEqualTo(Schema.of(Field.of("u", LogicalType.string())));
  }

  @Test
  void typesDeltaCannotHoldFailNamingTheColumn() {
    for (LogicalType t : new LogicalType[] {LogicalType.time(6), LogicalType.timestamp(9), LogicalType.timestampTz(7)}) {
      assertThatThrownBy(() -> DeltaTypeMapping.toDelta(Schema.of(Field.of("c", t)), "sales.orders"))
          .isInstanceOf(CopyJobException.class).hasMessageContaining("column c").hasMessageContaining("sales.orders")
          .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_CONVERSION));
    }
  }
}
