package io.copyjob.storage.files.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads through the buffer against a file in memory, counting the positional reads the store would serve. */
class BufferedPositionalReaderTest {
  private final byte[] file = new byte[10_000];
  private final List<long[]> fetches = new ArrayList<>();

  {
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) (i * 31);
    }
  }

  private BufferedPositionalReader reader(int buffer) {
    return new BufferedPositionalReader(buffer, (position, b, off, len) -> {
      if (position >= file.length) {
        return -1;
      }
      int n = (int) Math.min(len, file.length - position);
      System.arraycopy(file, (int) position, b, off, n);
      fetches.add(new long[] {position, n});
      return n;
    });
  }

  @Test
  void smallSequentialReadsShareOneFetchPerBuffer() throws Exception {
    BufferedPositionalReader r = reader(1024);
    byte[] out = new byte[3000];
    int done = 0;
    while (done < out.length) {
      int n = r.read(out, done, Math.min(100, out.length - done));
      done += n;
    }
    assertThat(out).isEqualTo(Arrays.copyOf(file, 3000));
    assertThat(fetches).hasSize(3);
    assertThat(r.position()).isEqualTo(3000);
  }

  @Test
  void aReadOfABufferOrMoreGoesStraightToTheStore() throws Exception {
    BufferedPositionalReader r = reader(1024);
    r.seek(5000);
    byte[] chunk = new byte[4000];
    assertThat(r.read(chunk, 0, chunk.length)).isEqualTo(4000);
    assertThat(chunk).isEqualTo(Arrays.copyOfRange(file, 5000, 9000));
    assertThat(fetches).singleElement().satisfies(f -> assertThat(f).containsExactly(5000, 4000));
  }

  @Test
  void seekingBackIntoTheBufferFetchesNothingAndTheEndIsMinusOne() throws Exception {
    BufferedPositionalReader r = reader(1024);
    r.seek(9990);
    assertThat(r.read()).isEqualTo(file[9990] & 0xff);
    r.seek(9995);
    byte[] tail = new byte[20];
    assertThat(r.read(tail, 0, 20)).isEqualTo(5);
    assertThat(Arrays.copyOf(tail, 5)).isEqualTo(Arrays.copyOfRange(file, 9995, 10_000));
    assertThat(r.read()).isEqualTo(-1);
    assertThat(r.read(tail, 0, 20)).isEqualTo(-1);
    assertThat(fetches).hasSize(1); // only the buffer at 9990: the answers of -1 at the end carry no bytes
  }
}
