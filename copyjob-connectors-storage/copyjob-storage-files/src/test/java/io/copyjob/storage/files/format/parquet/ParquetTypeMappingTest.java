package io.copyjob.storage.files.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

class ParquetTypeMappingTest {

  private static PrimitiveType written(LogicalType type) {
    return ParquetTypeMapping.toParquet(Schema.of(Field.of("c", type))).getType("c").asPrimitiveType();
  }

  private static LogicalType read(String parquetColumn) {
    MessageType m = MessageTypeParser.parseMessageType("message m { " + parquetColumn + "; }");
    return ParquetTypeMapping.fromParquet(m, Map.of(), "f.parquet").field(0).type();
  }

  @Test
  void writesEachTypeAsTheSpecifiedParquetType() {
    assertThat(written(LogicalType.bool()).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BOOLEAN);
    assertThat(written(LogicalType.int8()).getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(8, true));
    assertThat(written(LogicalType.int16()).getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(16, true));
    assertThat(written(LogicalType.int32()).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
    assertThat(written(LogicalType.int64()).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(written(LogicalType.float32()).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FLOAT);
    assertThat(written(LogicalType.float64()).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
    assertThat(written(LogicalType.decimal(9, 2)).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
    assertThat(written(LogicalType.decimal(10, 2)).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    assertThat(written(LogicalType.decimal(18, 0)).getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
    PrimitiveType d38 = written(LogicalType.decimal(38, 9));
    assertThat(d38.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
    assertThat(d38.getTypeLength()).isEqualTo(16);
    assertThat(d38.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(9, 38));
    assertThat(written(LogicalType.decimal(19, 0)).getTypeLength()).isEqualTo(9);
    assertThat(written(LogicalType.string()).getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
    assertThat(written(LogicalType.binary()).getLogicalTypeAnnotation()).isNull();
    PrimitiveType uuid = written(LogicalType.uuid());
    assertThat(uuid.getTypeLength()).isEqualTo(16);
    assertThat(uuid.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.uuidType());
    assertThat(written(LogicalType.json()).getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.jsonType());
    assertThat(written(LogicalType.date()).getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
    assertThat(written(LogicalType.time(6)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS));
    assertThat(written(LogicalType.time(9)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timeType(false, TimeUnit.NANOS));
    assertThat(written(LogicalType.timestamp(3)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
    assertThat(written(LogicalType.timestamp(7)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS));
    assertThat(written(LogicalType.timestampTz(6)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
    assertThat(written(LogicalType.timestampTz(9)).getLogicalTypeAnnotation())
        .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.NANOS));
  }

  @Test
  void nullabilityBecomesRepetition() {
    MessageType m = ParquetTypeMapping.toParquet(Schema.of(Field.of("a", LogicalType.int32()),
        Field.required("b", LogicalType.int32())));
    assertThat(m.getType("a").getRepetition()).isEqualTo(Type.Repetition.OPTIONAL);
    assertThat(m.getType("b").getRepetition()).isEqualTo(Type.Repetition.REQUIRED);
  }

  @Test
  void everyWrittenTypeReadsBackAsItself() {
    Schema schema = Schema.of(Field.of("b", LogicalType.bool()), Field.of("i8", LogicalType.int8()),
        Field.of("i16", LogicalType.int16()), Field.of("i32", LogicalType.int32()), Field.required("i64", LogicalType.int64()),
        Field.of("f", LogicalType.float32()), Field.of("g", LogicalType.float64()), Field.of("d", LogicalType.decimal(38, 9)),
        Field.of("d5", LogicalType.decimal(5, 5)), Field.of("s", LogicalType.string()), Field.of("x", LogicalType.binary()),
        Field.of("u", LogicalType.uuid()), Field.of("j", LogicalType.json()), Field.of("dt", LogicalType.date()),
        Field.of("t", LogicalType.time(6)), Field.of("tn", LogicalType.time(9)), Field.of("ts", LogicalType.timestamp(6)),
        Field.of("tsn", LogicalType.timestamp(9)), Field.of("tz", LogicalType.timestampTz(6)),
        Field.of("tzn", LogicalType.timestampTz(9)));
    MessageType parquet = ParquetTypeMapping.toParquet(schema);
    // Without the footer refinement the mapping alone is already exact for these types.
    assertThat(ParquetTypeMapping.fromParquet(parquet, Map.of(), "f")).isEqualTo(schema);
  }

  @Test
  void footerTypesRefineLengthsAndPrecisionsButNeverContradictTheFile() {
    Schema schema = Schema.of(Field.of("s", LogicalType.string(10)), Field.of("ts", LogicalType.timestamp(3)));
    MessageType parquet = ParquetTypeMapping.toParquet(schema);
    String json = ParquetTypeMapping.typesJson(schema);
    assertThat(ParquetTypeMapping.fromParquet(parquet, Map.of(ParquetTypeMapping.TYPES_KEY, json), "f")).isEqualTo(schema);
    // A recorded type of another family is ignored.
    String lying = "{\"s\":\"INT32\",\"ts\":\"TIMESTAMP(9)\"}";
    assertThat(ParquetTypeMapping.fromParquet(parquet, Map.of(ParquetTypeMapping.TYPES_KEY, lying), "f"))
        .isEqualTo(Schema.of(Field.of("s", LogicalType.string()), Field.of("ts", LogicalType.timestamp(6))));
  }

  @Test
  void readsTypesWrittenByOtherTools() {
    assertThat(read("optional int32 a")).isEqualTo(LogicalType.int32());
    assertThat(read("optional int64 a")).isEqualTo(LogicalType.int64());
    assertThat(read("optional int32 a (INTEGER(8,false))")).isEqualTo(LogicalType.int16());
    assertThat(read("optional int32 a (INTEGER(16,false))")).isEqualTo(LogicalType.int32());
    assertThat(read("optional int32 a (INTEGER(32,false))")).isEqualTo(LogicalType.int64());
    assertThat(read("optional int64 a (INTEGER(64,false))")).isEqualTo(LogicalType.decimal(20, 0));
    assertThat(read("optional binary a (ENUM)")).isEqualTo(LogicalType.string());
    assertThat(read("optional binary a")).isEqualTo(LogicalType.binary());
    assertThat(read("optional fixed_len_byte_array(4) a")).isEqualTo(LogicalType.binary());
    assertThat(read("optional binary a (BSON)")).isEqualTo(LogicalType.binary());
    assertThat(read("optional int32 a (TIME(MILLIS,true))")).isEqualTo(LogicalType.time(3));
    assertThat(read("optional int64 a (TIMESTAMP(MILLIS,true))")).isEqualTo(LogicalType.timestampTz(3));
    assertThat(read("optional int96 a")).isEqualTo(LogicalType.timestamp(9));
    assertThat(read("optional binary a (DECIMAL(30,4))")).isEqualTo(LogicalType.decimal(30, 4));
  }

  @Test
  void nestedColumnsReadAsJsonAndCannotBeWritten() {
    MessageType list = MessageTypeParser.parseMessageType(
        "message m { optional group l (LIST) { repeated group list { optional int32 element; } } "
            + "repeated int32 r; optional group s { optional binary a (STRING); } }");
    assertThat(ParquetTypeMapping.fromParquet(list, Map.of(), "f.parquet").fields())
        .allSatisfy(f -> assertThat(f.type()).isEqualTo(LogicalType.json()));
    assertThatThrownBy(() -> ParquetTypeMapping.toParquet(Schema.of(Field.of("m",
        LogicalType.map(LogicalType.string(), LogicalType.int32())))))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONVERSION);
          assertThat(e.column()).contains("m");
        });
  }
}
