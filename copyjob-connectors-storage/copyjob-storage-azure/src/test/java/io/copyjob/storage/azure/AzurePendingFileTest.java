package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The write buffer of both Azure pending files, against a recording fake of the service. */
class AzurePendingFileTest {

  static final class Recording extends AzurePendingFile {
    final List<byte[]> blocks = new ArrayList<>();
    final List<Long> offsets = new ArrayList<>();
    byte[] published;
    int publishedBlocks = -1;
    int discarded = -1;
    int maxCapacity;
    boolean failUpload;

    Recording(int blockSize) {
      super("a/b.csv", "store/a/b.csv", blockSize);
    }

    @Override
    protected void uploadBlock(byte[] data, int length, long offset, int index) throws IOException {
      if (failUpload) {
        throw new IOException("upload failed");
      }
      assertThat(index).isEqualTo(blocks.size());
      blocks.add(Arrays.copyOf(data, length));
      offsets.add(offset);
    }

    @Override
    protected void publish(byte[] whole, int length, int blockCount, long size) {
      if (whole != null) {
        published = Arrays.copyOf(whole, length);
      } else {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        blocks.forEach(all::writeBytes);
        published = all.toByteArray();
      }
      publishedBlocks = blockCount;
      assertThat(size).isEqualTo(published.length);
    }

    @Override
    protected void discard(int blockCount) {
      discarded = blockCount;
    }
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void bigFilesGoUpInFullBlocksWithOneBlockOfMemory() throws IOException {
    Recording f = new Recording(4096);
    byte[] data = random(4096 * 5 + 123);
    OutputStream out = f.stream();
    for (int i = 0; i < data.length; i += 100) {
      out.write(data, i, Math.min(100, data.length - i));
      assertThat(f.bufferCapacity()).isLessThanOrEqualTo(4096);
    }
    assertThat(f.blocks).hasSize(5).allSatisfy(b -> assertThat(b).hasSize(4096));
    assertThat(f.offsets).containsExactly(0L, 4096L, 8192L, 12288L, 16384L);
    assertThat(f.published).isNull();
    f.commit();
    assertThat(f.blocks).hasSize(6);
    assertThat(f.publishedBlocks).isEqualTo(6);
    assertThat(f.published).isEqualTo(data);
    assertThat(f.bytesWritten()).isEqualTo(data.length);
    f.commit(); // again: nothing
    f.abort(); // after commit: nothing
    assertThat(f.discarded).isEqualTo(-1);
  }

  @Test
  void smallFilesAreOneUploadAtCommit() throws IOException {
    Recording f = new Recording(1 << 20);
    f.stream().write("id,name\n1,a\n".getBytes());
    f.stream().write('x');
    assertThat(f.bufferCapacity()).isEqualTo(64 * 1024);
    f.commit();
    assertThat(f.blocks).isEmpty();
    assertThat(f.publishedBlocks).isZero();
    assertThat(new String(f.published)).isEqualTo("id,name\n1,a\nx");
  }

  @Test
  void emptyFileIsPublishedEmpty() throws IOException {
    Recording f = new Recording(1024);
    f.stream().close();
    f.commit();
    assertThat(f.published).isEmpty();
  }

  @Test
  void exactlyOneBlockStaysInMemoryUntilCommit() throws IOException {
    Recording f = new Recording(1024);
    f.stream().write(random(1024));
    f.commit();
    assertThat(f.blocks).isEmpty();
    assertThat(f.published).hasSize(1024);
  }

  @Test
  void abortPublishesNothingAndForbidsCommit() throws IOException {
    Recording f = new Recording(1024);
    f.stream().write(random(3000));
    f.abort();
    f.abort();
    assertThat(f.discarded).isEqualTo(2);
    assertThat(f.published).isNull();
    assertThatThrownBy(f::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> f.stream().write(1)).isInstanceOf(IOException.class);
  }

  @Test
  void aFailedUploadFailsTheCommit() throws IOException {
    Recording f = new Recording(1024);
    f.failUpload = true;
    assertThatThrownBy(() -> f.stream().write(random(2000))).hasMessage("upload failed");
    assertThatThrownBy(f::commit).isInstanceOf(IOException.class).hasMessageContaining("an earlier upload failed");
    f.abort();
    assertThat(f.published).isNull();
  }

  @Test
  void writingAfterCloseFails() throws IOException {
    Recording f = new Recording(1024);
    f.stream().close();
    assertThatThrownBy(() -> f.stream().write(new byte[3])).isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void blockIdsHaveOneLength() {
    assertThat(BlobPendingFile.blockId("abc", 0)).hasSameSizeAs(BlobPendingFile.blockId("abc", 49_999));
  }

  @Test
  void contentTypesByExtension() {
    assertThat(AzurePendingFile.contentType("x/part-0.CSV")).isEqualTo("text/csv");
    assertThat(AzurePendingFile.contentType("x/part-0.jsonl")).isEqualTo("application/x-ndjson");
    assertThat(AzurePendingFile.contentType("x/part-0.parquet")).isEqualTo("application/vnd.apache.parquet");
    assertThat(AzurePendingFile.contentType("x/part-0")).isEqualTo("application/octet-stream");
  }
}
