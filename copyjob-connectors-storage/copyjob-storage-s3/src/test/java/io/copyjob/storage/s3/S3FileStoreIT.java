package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The S3 store against s3proxy: listing, reads, uploads, commit and abort, errors. */
class S3FileStoreIT {

  private static void put(S3FileStore store, String path, byte[] content) throws IOException {
    PendingFile f = store.create(path);
    f.stream().write(content);
    f.commit();
  }

  private static String text(S3FileStore store, String path) throws IOException {
    try (InputStream in = store.openRead(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A byte of a deterministic pseudo-random stream, a function of its position only. */
  static byte patternByte(long position) {
    long x = position * 0x9E3779B97F4A7C15L;
    return (byte) (x >>> 56 ^ x >>> 29 ^ position);
  }

  static void fillPattern(byte[] b, int off, int len, long position) {
    for (int i = 0; i < len; i++) {
      b[off + i] = patternByte(position + i);
    }
  }

  @Test
  void listsEveryFileBelowAFolderSortedAcrossPages() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("list-pages", "lake/raw", S3Options.LIST_PAGE_SIZE, "7");
         S3FileStore bucketRoot = S3ProxyFixture.open("s3://" + store.s3Location().bucket(),
             S3Options.LIST_PAGE_SIZE, "7")) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        String path = "orders/" + (i % 3 == 0 ? "2024/" : "") + "part-" + String.format("%03d", 22 - i) + ".csv";
        put(store, path, ("row " + i).getBytes(StandardCharsets.UTF_8));
        expected.add(path);
      }
      put(store, "other/x.csv", new byte[0]);
      // Objects outside the prefix, or sharing its start, and a folder marker are no files of this store.
      put(bucketRoot, "lake/raw-copy/y.csv", new byte[1]);
      put(bucketRoot, "lake/z.csv", new byte[1]);
      store.client().putObject(b -> b.bucket(store.s3Location().bucket()).key("lake/raw/orders/marker/"),
          software.amazon.awssdk.core.sync.RequestBody.empty());

      List<FileInfo> files = store.list("orders");
      assertThat(files).extracting(FileInfo::path).isEqualTo(expected.stream().sorted().toList());
      assertThat(files).allSatisfy(f -> {
        assertThat(f.size()).isBetween(5L, 6L);
        assertThat(f.lastModified()).isAfter(java.time.Instant.parse("2020-01-01T00:00:00Z"));
      });
      assertThat(store.list("")).hasSize(24);
      assertThat(store.list("missing")).isEmpty();
      assertThat(bucketRoot.list("")).extracting(FileInfo::path).contains("lake/raw-copy/y.csv", "lake/z.csv",
          "lake/raw/other/x.csv").hasSize(26);
    }
  }

  @Test
  void listsMoreThanOneThousandKeysWithTheDefaultPageSize() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("list-1100", "big")) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
          int n = i;
          puts.add(pool.submit(() -> {
            put(store, "t/f" + String.format("%05d", n), new byte[] {(byte) n});
            return null;
          }));
        }
        for (Future<?> f : puts) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      List<FileInfo> files = store.list("t");
      assertThat(files).hasSize(1100);
      assertThat(files.get(0).path()).isEqualTo("t/f00000");
      assertThat(files.get(1099).path()).isEqualTo("t/f01099");
    }
  }

  @Test
  void readsSequentiallyAndByRanges() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("ranges", "data")) {
      int size = 300_000;
      byte[] content = new byte[size];
      fillPattern(content, 0, size, 0);
      put(store, "a/file.bin", content);

      try (InputStream in = store.openRead("a/file.bin")) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
      // Closing early aborts the download instead of failing.
      try (InputStream in = store.openRead("a/file.bin")) {
        assertThat(in.read()).isEqualTo(content[0] & 0xff);
      }

      try (RandomAccessInput in = store.openRandomAccess("a/file.bin")) {
        S3RandomAccessInput s3in = (S3RandomAccessInput) in;
        assertThat(in.length()).isEqualTo(size);
        // Parquet's footer pattern: the last 8 bytes, then the footer before them: one request.
        byte[] last8 = new byte[8];
        in.readFully(size - 8, last8, 0, 8);
        byte[] footer = new byte[20_000];
        in.readFully(size - 8 - footer.length, footer, 0, footer.length);
        assertThat(s3in.requests()).isEqualTo(1);
        assertThat(last8).isEqualTo(java.util.Arrays.copyOfRange(content, size - 8, size));
        assertThat(footer).isEqualTo(java.util.Arrays.copyOfRange(content, size - 8 - footer.length, size - 8));
        // A large read is one request of its size.
        byte[] chunk = new byte[150_000];
        in.readFully(1000, chunk, 0, chunk.length);
        assertThat(chunk).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 151_000));
        assertThat(s3in.requests()).isEqualTo(2);
        // Small reads read ahead and are served from the window.
        byte[] small = new byte[100];
        for (int i = 0; i < 50; i++) {
          in.readFully(160_000 + i * 100L, small, 0, 100);
          assertThat(small).isEqualTo(java.util.Arrays.copyOfRange(content, 160_000 + i * 100, 160_100 + i * 100));
        }
        assertThat(s3in.requests()).isEqualTo(3);
        // A read across the end returns what there is; at the end, -1.
        byte[] across = new byte[100];
        assertThat(in.read(size - 10, across, 0, 100)).isEqualTo(10);
        assertThat(in.read(size, across, 0, 100)).isEqualTo(-1);
        assertThat(in.read(0, across, 0, 0)).isZero();
        assertThatThrownBy(() -> in.readFully(size - 5, across, 0, 10)).isInstanceOf(EOFException.class);
      }
      try (InputStream in = store.openRead("a/file.bin", 299_000)) {
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 299_000, size));
      }
      try (InputStream in = store.openRead("a/file.bin", size)) {
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(store.info("a/file.bin")).hasValueSatisfying(i -> {
        assertThat(i.path()).isEqualTo("a/file.bin");
        assertThat(i.size()).isEqualTo(size);
      });
      assertThat(store.info("a/none.bin")).isEmpty();
      assertThatThrownBy(() -> store.openRead("a/none.bin", 10)).isInstanceOf(NoSuchFileException.class);
      assertThatThrownBy(() -> store.openRead("a/none.bin")).isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("s3://" + store.s3Location().bucket() + "/data/a/none.bin");
      assertThatThrownBy(() -> store.openRandomAccess("a/none.bin")).isInstanceOf(NoSuchFileException.class);
    }
  }

  @Test
  void aRangedReaderFailsRatherThanMixVersionsWhenTheObjectIsReplaced() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("replaced", "")) {
      byte[] v1 = new byte[200_000];
      fillPattern(v1, 0, v1.length, 0);
      put(store, "f.bin", v1);
      try (RandomAccessInput in = store.openRandomAccess("f.bin")) {
        in.readFully(0, new byte[70_000], 0, 70_000);
        byte[] v2 = new byte[200_000];
        fillPattern(v2, 0, v2.length, 7);
        put(store, "f.bin", v2);
        assertThatThrownBy(() -> in.readFully(70_000, new byte[70_000], 0, 70_000))
            .isInstanceOf(CopyJobException.class).hasMessageContaining("replaced while being read");
      }
    }
  }

  @Test
  void smallFileAppearsOnlyOnCommitAndReplacesThePreviousOne() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("commit", "p")) {
      put(store, "x/f.csv", "old".getBytes(StandardCharsets.UTF_8));
      PendingFile f = store.create("x/f.csv");
      f.stream().write("new content".getBytes(StandardCharsets.UTF_8));
      f.stream().close();
      assertThat(f.bytesWritten()).isEqualTo(11);
      assertThat(text(store, "x/f.csv")).isEqualTo("old");
      PendingFile g = store.create("x/g.csv");
      g.stream().write('g');
      assertThat(store.exists("x/g.csv")).isFalse();

      f.commit();
      f.commit();
      g.commit();
      assertThat(text(store, "x/f.csv")).isEqualTo("new content");
      assertThat(text(store, "x/g.csv")).isEqualTo("g");
      assertThatThrownBy(() -> f.stream().write(1)).isInstanceOf(IOException.class);

      PendingFile empty = store.create("x/empty.csv");
      empty.commit();
      assertThat(store.list("x")).extracting(FileInfo::path, FileInfo::size)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("x/empty.csv", 0L),
              org.assertj.core.groups.Tuple.tuple("x/f.csv", 11L), org.assertj.core.groups.Tuple.tuple("x/g.csv", 1L));
    }
  }

  @Test
  void abortLeavesNoObjectAndNoUpload() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("abort", "p", S3Options.PART_SIZE_BYTES, "5242880")) {
      PendingFile small = store.create("small.csv");
      small.stream().write(new byte[1000]);
      small.abort();
      small.abort();
      assertThatThrownBy(small::commit).isInstanceOf(IllegalStateException.class);

      S3PendingFile big = (S3PendingFile) store.create("big.bin");
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < 12; i++) {
        big.stream().write(chunk);
      }
      assertThat(big.uploadId()).isNotNull();
      assertThat(uploads(store)).hasSize(1);
      big.abort();

      assertThat(store.exists("small.csv")).isFalse();
      assertThat(store.exists("big.bin")).isFalse();
      assertThat(store.list("")).isEmpty();
      assertThat(uploads(store)).isEmpty();
    }
  }

  private static List<MultipartUpload> uploads(S3FileStore store) {
    return store.client().listMultipartUploads(b -> b.bucket(store.s3Location().bucket())).uploads();
  }

  @Test
  void multipartUploadOfMoreThan100MbStreamsInBoundedMemory() throws Exception {
    long size = 105L * 1024 * 1024 + 12_345;
    int partSize = 5 * 1024 * 1024;
    try (S3FileStore store = S3ProxyFixture.store("multipart", "big", S3Options.PART_SIZE_BYTES,
        Integer.toString(partSize))) {
      put(store, "huge.bin", "previous".getBytes(StandardCharsets.UTF_8));
      S3PendingFile f = (S3PendingFile) store.create("huge.bin");
      byte[] chunk = new byte[64 * 1024 + 7];
      long done = 0;
      OutputStream out = f.stream();
      while (done < size) {
        int n = (int) Math.min(chunk.length, size - done);
        fillPattern(chunk, 0, n, done);
        out.write(chunk, 0, n);
        done += n;
      }
      out.close();
      assertThat(f.bytesWritten()).isEqualTo(size);
      assertThat(f.uploadId()).isNotNull();
      // Not visible before commit: the previous object is still there.
      assertThat(text(store, "huge.bin")).isEqualTo("previous");
      f.commit();

      assertThat(store.list("")).singleElement().satisfies(i -> assertThat(i.size()).isEqualTo(size));
      assertThat(uploads(store)).isEmpty();
      long read = 0;
      byte[] buf = new byte[256 * 1024];
      try (InputStream in = store.openRead("huge.bin")) {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          for (int i = 0; i < n; i++) {
            if (buf[i] != patternByte(read + i)) {
              throw new AssertionError("byte " + (read + i) + " differs");
            }
          }
          read += n;
        }
      }
      assertThat(read).isEqualTo(size);
      // Ranged reads across a part boundary and at the end.
      try (RandomAccessInput in = store.openRandomAccess("huge.bin")) {
        byte[] expected = new byte[100_000];
        byte[] actual = new byte[100_000];
        for (long at : new long[] {partSize - 50_000L, 3L * partSize + 1, size - 100_000}) {
          fillPattern(expected, 0, expected.length, at);
          in.readFully(at, actual, 0, actual.length);
          assertThat(actual).as("bytes at " + at).isEqualTo(expected);
        }
      }
      assertThat(store.delete("huge.bin")).isTrue();
    }
  }

  @Test
  void deleteAndExists() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("delete", "d")) {
      put(store, "a/b.csv", new byte[] {1});
      assertThat(store.exists("a/b.csv")).isTrue();
      assertThat(store.exists("a")).isFalse();
      assertThat(store.delete("a/b.csv")).isTrue();
      assertThat(store.delete("a/b.csv")).isFalse();
      assertThat(store.exists("a/b.csv")).isFalse();
    }
  }

  @Test
  void wrongKeysFailAsAuthenticationWithoutLeakingSecrets() throws Exception {
    String bucket = S3ProxyFixture.server().newBucket("auth");
    String wrongSecret = "wrong-secret-" + java.util.UUID.randomUUID();
    String wrongToken = "session-token-" + java.util.UUID.randomUUID();
    String realSecret = S3ProxyFixture.server().secretAccessKey();
    String[] attempts = {
        // a right key id with a wrong secret: SignatureDoesNotMatch
        S3ProxyFixture.server().accessKeyId(),
        // an unknown key id: InvalidAccessKeyId
        "AKIA-UNKNOWN-KEY-ID-" + java.util.UUID.randomUUID()};
    for (String keyId : attempts) {
      try (S3FileStore store = S3ProxyFixture.open("s3://" + bucket + "/p", S3Options.ACCESS_KEY_ID, keyId,
          S3Options.SECRET_ACCESS_KEY, wrongSecret, S3Options.SESSION_TOKEN, wrongToken)) {
        List<Throwable> failures = new ArrayList<>();
        for (ThrowingCall call : List.<ThrowingCall>of(() -> store.list(""), () -> store.exists("a.csv"),
            () -> store.openRead("a.csv"), () -> {
              PendingFile f = store.create("a.csv");
              f.stream().write(1);
              f.commit();
            })) {
          Throwable t = catchAll(call);
          assertThat(t).isInstanceOf(CopyJobException.class);
          assertThat(((CopyJobException) t).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
          failures.add(t);
        }
        assertThat(failures.get(0)).hasMessageContaining("s3://" + bucket + "/p").hasMessageContaining("403");
        for (Throwable t : failures) {
          for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(wrongSecret, wrongToken, keyId, realSecret);
            assertThat(c.toString()).doesNotContain(wrongSecret, wrongToken, keyId);
          }
          java.io.StringWriter trace = new java.io.StringWriter();
          t.printStackTrace(new java.io.PrintWriter(trace));
          assertThat(trace.toString()).doesNotContain(wrongSecret, wrongToken, keyId);
        }
        assertThat(store.toString()).contains(bucket).doesNotContain(wrongSecret, wrongToken, keyId);
      }
    }
  }

  @Test
  void aMissingBucketIsAStoreErrorNamingTheBucket() {
    try (S3FileStore store = S3ProxyFixture.open("s3://no-such-bucket-copyjob/x")) {
      assertThatThrownBy(() -> store.list("")).isInstanceOfSatisfying(CopyJobException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR);
        assertThat(e).hasMessageContaining("bucket 'no-such-bucket-copyjob' does not exist");
      });
    }
  }

  @Test
  void anUnreachableEndpointIsAConnectionFailure() {
    try (S3FileStore store = S3ProxyFixture.open("s3://bucket/x", S3Options.ENDPOINT, "http://127.0.0.1:1",
        S3Options.MAX_ATTEMPTS, "1")) {
      assertThatThrownBy(() -> store.list("")).isInstanceOfSatisfying(CopyJobException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("http://127.0.0.1:1");
      });
    }
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  private static Throwable catchAll(ThrowingCall call) {
    try {
      call.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  @Test
  void writeIfAbsentRefusesAnExistingKeyWithoutTouchingIt() throws Exception {
    try (S3FileStore store = S3ProxyFixture.store("if-absent", "t")) {
      store.writeIfAbsent("_delta_log/0.json", "first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeIfAbsent("_delta_log/0.json",
          "second".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
      // The same bytes again: what an SDK's resend of a write whose answer was lost looks like; it landed.
      store.writeIfAbsent("_delta_log/0.json", "first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeIfAbsent("_delta_log/0.json",
          "firs".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .isInstanceOf(java.nio.file.FileAlreadyExistsException.class).hasMessageContaining("HTTP 4");
      try (java.io.InputStream in = store.openRead("_delta_log/0.json")) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("first");
      }
    }
  }
}
