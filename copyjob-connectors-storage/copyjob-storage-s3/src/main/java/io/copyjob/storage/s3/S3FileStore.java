package io.copyjob.storage.s3;

import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import io.copyjob.storage.files.store.StorePaths;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link FileStore} over the objects below {@code s3://bucket/prefix}, for Amazon S3 and S3-compatible stores.
 *
 * <ul>
 *   <li>{@link #list} pages through {@code ListObjectsV2}; keys that are no valid store path (folder markers
 *       ending in {@code /}, {@code a//b}) are skipped.
 *   <li>{@link #openRead} streams one {@code GetObject}; {@link #openRandomAccess} serves positional reads with
 *       ranged GETs pinned to the object's ETag (see {@link S3RandomAccessInput}).
 *   <li>{@link #create} streams a multipart upload, completed on commit; files smaller than one part are one
 *       {@code PutObject} on commit (see {@link S3PendingFile}). Either way the object appears, or is replaced,
 *       in one step.
 * </ul>
 *
 * Thread-safe. Built by {@link S3FileStoreProvider} from the options in {@link S3Options}.
 */
public final class S3FileStore implements FileStore {
  private static final Logger LOG = LoggerFactory.getLogger(S3FileStore.class);
  private static final AtomicInteger STORES = new AtomicInteger();

  private final S3Uri location;
  private final S3Options options;
  private final S3Client client;
  private final boolean ownsClient;
  private final S3Errors errors;
  private final ExecutorService uploads;

  /**
   * A store over {@code location} using {@code client}.
   *
   * @param ownsClient whether {@link #close()} closes the client
   */
  public S3FileStore(S3Uri location, S3Options options, S3Client client, boolean ownsClient) {
    this.location = location;
    this.options = options;
    this.client = client;
    this.ownsClient = ownsClient;
    this.errors = new S3Errors(options);
    this.uploads = Executors.newCachedThreadPool(daemonThreads("copyjob-s3-upload-" + STORES.incrementAndGet()));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The bucket and key prefix. */
  public S3Uri s3Location() {
    return location;
  }

  /** The settings, without secrets in their {@code toString()}. */
  public S3Options options() {
    return options;
  }

  S3Client client() {
    return client;
  }

  S3Errors errors() {
    return errors;
  }

  ExecutorService uploads() {
    return uploads;
  }

  @Override
  public URI location() {
    return location.toUri();
  }

  @Override
  public String displayName(String path) {
    return path.isEmpty() ? location.toString() : "s3://" + location.bucket() + "/" + location.key(path);
  }

  @Override
  public List<FileInfo> list(String folder) throws IOException {
    String prefix = location.listPrefix(folder);
    List<FileInfo> files = new ArrayList<>();
    String token = null;
    try {
      do {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(location.bucket())
            .maxKeys(options.listPageSize());
        if (!prefix.isEmpty()) {
          request.prefix(prefix);
        }
        if (token != null) {
          request.continuationToken(token);
        }
        ListObjectsV2Response page = client.listObjectsV2(request.build());
        for (S3Object object : page.contents()) {
          Optional<String> path = location.path(object.key());
          if (path.isEmpty()) {
            LOG.debug("skipping {} in {}: not a file path", object.key(), location);
            continue;
          }
          Instant modified = object.lastModified() == null ? Instant.EPOCH : object.lastModified();
          files.add(new FileInfo(path.get(), object.size() == null ? 0 : object.size(), modified));
        }
        token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      } while (token != null);
    } catch (SdkException e) {
      throw errors.translate(e, "list the files below", displayName(StorePaths.check(folder)));
    }
    files.sort(Comparator.comparing(FileInfo::path));
    return files;
  }

  @Override
  public InputStream openRead(String path) throws IOException {
    String key = location.key(path);
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = client.getObject(GetObjectRequest.builder().bucket(location.bucket()).key(key).build());
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        throw new NoSuchFileException(displayName(path));
      }
      throw errors.translate(e, "read", displayName(path));
    }
    return new ObjectStream(in);
  }

  /**
   * Reads from byte {@code offset} on with one ranged GET, for readers of byte ranges. (Overrides the
   * {@code FileStore.openRead(String, long)} default once the SPI has it; public until then.)
   */
  public InputStream openRead(String path, long offset) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
    if (offset == 0) {
      return openRead(path);
    }
    String key = location.key(path);
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = client.getObject(GetObjectRequest.builder().bucket(location.bucket()).key(key).range("bytes=" + offset + "-")
          .build());
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        throw new NoSuchFileException(displayName(path));
      }
      if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s && s.statusCode() == 416) {
        // At (or past) the end: nothing to read; a missing file was answered with 404 above.
        return InputStream.nullInputStream();
      }
      throw errors.translate(e, "read", displayName(path));
    }
    return new ObjectStream(in);
  }

  /**
   * The file's size and time from one HEAD request, or empty when there is none. (Overrides the
   * {@code FileStore.info(String)} default, which lists the parent folder, once the SPI has it.)
   */
  public Optional<FileInfo> info(String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return head(path).map(h -> new FileInfo(path, h.contentLength() == null ? 0 : h.contentLength(),
        h.lastModified() == null ? Instant.EPOCH : h.lastModified()));
  }

  @Override
  public RandomAccessInput openRandomAccess(String path) throws IOException {
    HeadObjectResponse head = head(path).orElseThrow(() -> new NoSuchFileException(displayName(path)));
    return new S3RandomAccessInput(this, location.key(path), displayName(path), head.contentLength(), head.eTag());
  }

  @Override
  public PendingFile create(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot create a file at the store's location itself");
    }
    return new S3PendingFile(this, path, location.key(path), displayName(path), options.partSizeBytes());
  }

  /**
   * A conditional PUT ({@code If-None-Match: *}, S3 since August 2024): the store refuses it with 412 when the key
   * exists, or 409 when a concurrent conditional write to it is in progress; both mean another writer won, unless
   * the key already holds our bytes (see {@link #holdsExactly}).
   */
  private static final long IN_PROGRESS_WAIT_MILLIS = 5_000;

  @Override
  public void writeIfAbsent(String path, byte[] content) throws IOException {
    try {
      client.putObject(b -> b.bucket(location.bucket()).key(location.key(path)).ifNoneMatch("*"),
          software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
    } catch (SdkException e) {
      if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
          && (s.statusCode() == 412 || s.statusCode() == 409)) {
        if (s.statusCode() == 409 ? appearsHolding(path, content) : holdsExactly(path, content)) {
          return; // the SDK resent our own write after a lost answer: it landed
        }
        var exists = new java.nio.file.FileAlreadyExistsException(displayName(path), null, "HTTP " + s.statusCode()
            + (s.awsErrorDetails() == null ? "" : " " + s.awsErrorDetails().errorCode()));
        exists.initCause(e);
        throw exists;
      }
      throw errors.translate(e, "write", displayName(path));
    }
  }

  /**
   * After a 409 (a conditional write to the key still in progress, which may be our own first attempt that the SDK
   * gave up waiting for): waits up to {@value #IN_PROGRESS_WAIT_MILLIS} ms for the object, then compares.
   */
  private boolean appearsHolding(String path, byte[] content) throws IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(IN_PROGRESS_WAIT_MILLIS);
    while (!exists(path) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted waiting for " + displayName(path));
      }
    }
    return holdsExactly(path, content);
  }

  @Override
  public boolean delete(String path) throws IOException {
    // DeleteObject succeeds whether or not the object exists: ask first, to answer the question.
    if (!exists(path)) {
      return false;
    }
    try {
      client.deleteObject(b -> b.bucket(location.bucket()).key(location.key(path)));
      return true;
    } catch (SdkException e) {
      throw errors.translate(e, "delete", displayName(path));
    }
  }

  @Override
  public boolean exists(String path) throws IOException {
    return head(path).isPresent();
  }

  private Optional<HeadObjectResponse> head(String path) {
    try {
      return Optional.of(client.headObject(b -> b.bucket(location.bucket()).key(location.key(path))));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw errors.translate(e, "look up", displayName(path));
    }
  }

  @Override
  public void close() {
    uploads.shutdown();
    if (ownsClient) {
      client.close();
    }
  }

  /** {@code S3FileStore[s3://bucket/prefix, S3Options{...}]}: no secrets. */
  @Override
  public String toString() {
    return "S3FileStore[" + location + ", " + options + "]";
  }

  /**
   * A GetObject body that aborts the connection when closed before its end (instead of downloading the rest
   * to reuse it), and maps the SDK's unchecked failures while reading to I/O errors.
   */
  private final class ObjectStream extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> response;
    private boolean eof;

    ObjectStream(ResponseInputStream<GetObjectResponse> in) {
      super(in);
      this.response = in;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        eof |= b < 0;
        return b;
      } catch (SdkException e) {
        throw new IOException(options.redact(e.getMessage()));
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        eof |= n < 0;
        return n;
      } catch (SdkException e) {
        throw new IOException(options.redact(e.getMessage()));
      }
    }

    @Override
    public void close() throws IOException {
      if (!eof) {
        response.abort();
      }
      super.close();
    }
  }
}
