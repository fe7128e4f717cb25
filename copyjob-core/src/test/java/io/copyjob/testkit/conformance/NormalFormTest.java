package io.copyjob.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NormalFormTest {
  @Test
  void rendersEachJavaFormInTheOneSpelling() {
    assertThat(NormalForm.of(null)).isNull();
    assertThat(NormalForm.of("")).isEmpty();
    assertThat(NormalForm.of(new BigDecimal("0.000000000"))).isEqualTo("0");
    assertThat(NormalForm.of(new BigDecimal("1.500000000"))).isEqualTo("1.5");
    assertThat(NormalForm.of(new BigDecimal("-0.000000001"))).isEqualTo("-0.000000001");
    assertThat(NormalForm.of(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(NormalForm.of(7)).isEqualTo(NormalForm.of(7L)).isEqualTo("7");
    assertThat(NormalForm.of(new byte[0])).isEmpty();
    assertThat(NormalForm.of(new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("00ff10");
    assertThat(NormalForm.of(UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")))
        .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(NormalForm.of(LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
    assertThat(NormalForm.of(LocalDateTime.of(1, 1, 1, 0, 0))).isEqualTo("0001-01-01 00:00:00");
    assertThat(NormalForm.of(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900))).isEqualTo("9999-12-31 23:59:59.9999999");
    assertThat(NormalForm.of(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 120_000_000))).isEqualTo("2024-01-01 00:00:00.12");
    assertThat(NormalForm.of(OffsetDateTime.parse("2024-02-29T23:59:59.999999+05:30")))
        .isEqualTo(NormalForm.of(Instant.parse("2024-02-29T18:29:59.999999Z"))).isEqualTo("2024-02-29 18:29:59.999999Z");
    assertThatThrownBy(() -> NormalForm.of(new java.sql.Timestamp(0))).hasMessageContaining("java.time");
  }

  @Test
  void parseIsTheInverseForEveryEdgeValue() {
    List<PortableType> types = List.copyOf(EdgeValues.COLUMNS.values());
    for (int digits : new int[] {6, 7}) {
      for (List<String> row : EdgeValues.expected(digits)) {
        for (int i = 0; i < row.size(); i++) {
          assertThat(NormalForm.of(NormalForm.parse(types.get(i), row.get(i), true))).as(types.get(i) + " " + row.get(i))
              .isEqualTo(row.get(i));
        }
      }
    }
  }

  @Test
  void expectedValuesAreTheInputsWithInstantsInUtc() {
    List<String> row = EdgeValues.expected(7).get(3);
    assertThat(row.get(6)).isEqualTo("2024-02-29 12:34:56.1234567");
    assertThat(row.get(7)).isEqualTo("2024-02-29 18:29:59.9999999Z");
    assertThat(EdgeValues.expected(6).get(4).get(7)).isEqualTo("1970-01-01 07:59:59.123456Z");
  }
}
