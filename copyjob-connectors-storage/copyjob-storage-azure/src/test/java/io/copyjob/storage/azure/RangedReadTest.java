package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Positional and sequential reads over ranged GETs, against an in-memory file. */
class RangedReadTest {
  final byte[] file = new byte[10_000];
  final List<long[]> requests = new ArrayList<>();

  {
    new Random(1).nextBytes(file);
  }

  AzureRandomAccessInput input() {
    return new AzureRandomAccessInput(file.length, (position, length, target) -> {
      requests.add(new long[] {position, length});
      target.write(file, (int) position, length);
    });
  }

  @Test
  void positionalReadsAreOneRequestEachAndClampedAtTheEnd() throws IOException {
    AzureRandomAccessInput in = input();
    assertThat(in.length()).isEqualTo(10_000);
    byte[] buf = new byte[100];
    assertThat(in.read(5000, buf, 10, 50)).isEqualTo(50);
    assertThat(java.util.Arrays.copyOfRange(buf, 10, 60)).isEqualTo(java.util.Arrays.copyOfRange(file, 5000, 5050));
    assertThat(in.read(9_990, buf, 0, 100)).isEqualTo(10);
    assertThat(requests).extracting(r -> r[1]).containsExactly(50L, 10L);
    assertThat(in.read(10_000, buf, 0, 100)).isEqualTo(-1);
    assertThat(in.read(0, buf, 0, 0)).isZero();
    assertThatThrownBy(() -> in.readFully(9_950, buf, 0, 100)).isInstanceOf(EOFException.class);
  }

  @Test
  void serverSendingMoreThanAskedIsAnError() {
    AzureRandomAccessInput in = new AzureRandomAccessInput(100, (p, l, t) -> t.write(new byte[l + 1]));
    assertThatThrownBy(() -> in.read(0, new byte[10], 0, 10)).isInstanceOf(IOException.class)
        .hasMessageContaining("more bytes");
  }

  @Test
  void sequentialStreamReadsChunkByChunk() throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (InputStream in = new RangedInputStream(input(), 4096)) {
      all.write(in.read());
      byte[] small = new byte[100];
      for (int n = in.read(small); n >= 0; n = in.read(small)) {
        all.write(small, 0, n);
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(all.toByteArray()).isEqualTo(file);
    assertThat(requests).extracting(r -> r[1]).containsExactly(4096L, 4096L, 1808L);
  }

  @Test
  void largeReadsBypassTheChunk() throws IOException {
    try (InputStream in = new RangedInputStream(input(), 1024)) {
      assertThat(in.readAllBytes()).isEqualTo(file);
    }
    assertThat(requests.stream().mapToLong(r -> r[1]).sum()).isEqualTo(file.length);
  }

  @Test
  void skipMovesWithoutFetching() throws IOException {
    try (InputStream in = new RangedInputStream(input(), 1000)) {
      assertThat(in.skip(9_000)).isEqualTo(9_000);
      assertThat(in.read()).isEqualTo(file[9_000] & 0xff);
      assertThat(in.skip(5_000)).isEqualTo(999);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void emptyFile() throws IOException {
    try (InputStream in = new RangedInputStream(new AzureRandomAccessInput(0, (p, l, t) -> {
      throw new AssertionError("no request for an empty file");
    }), 4096)) {
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
