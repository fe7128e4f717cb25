package io.copyjob.storage.s3;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.PendingFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A file written to S3 that appears only on {@link #commit()}.
 *
 * <p>Bytes collect in a buffer of one part ({@link S3Options#PART_SIZE_BYTES}), grown as needed so small files
 * stay small. The first time it fills, a multipart upload starts and the part is uploaded in the background
 * while the writer fills a second buffer; the writer waits only when that one is full before the previous part
 * is done. So a file in progress holds at most two parts in memory, whatever its size. {@link #commit()}
 * uploads the last part and completes the upload, which makes the object visible (or replaces the previous
 * one) in one step; a file that never filled a part is one {@code PutObject} instead. {@link #abort()} aborts
 * the multipart upload so S3 keeps (and bills) no orphan parts.
 */
final class S3PendingFile implements PendingFile {
  private static final Logger LOG = LoggerFactory.getLogger(S3PendingFile.class);
  private static final int INITIAL_BUFFER = 64 * 1024;
  private static final String CONTENT_TYPE = "application/octet-stream";

  private enum State { OPEN, CLOSED, COMMITTED, ABORTED }

  private final S3FileStore store;
  private final String path;
  private final String key;
  private final String displayName;
  private final int partSize;
  private final Stream stream = new Stream();

  private State state = State.OPEN;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int buffered;
  private byte[] spare;
  private long written;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private Future<CompletedPart> inFlight;
  private byte[] inFlightBuffer;

  S3PendingFile(S3FileStore store, String path, String key, String displayName, long partSize) {
    this.store = store;
    this.path = path;
    this.key = key;
    this.displayName = displayName;
    this.partSize = (int) Math.min(partSize, Integer.MAX_VALUE - 16);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  @Override
  public synchronized long bytesWritten() {
    return written;
  }

  /** The multipart upload's id once one was started, for tests. */
  synchronized String uploadId() {
    return uploadId;
  }

  private synchronized void write(byte[] b, int off, int len) throws IOException {
    if (state != State.OPEN) {
      throw new IOException("the stream of " + displayName + " is closed");
    }
    while (len > 0) {
      if (buffered == buffer.length && buffered < partSize) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, partSize));
      }
      int n = Math.min(len, buffer.length - buffered);
      System.arraycopy(b, off, buffer, buffered, n);
      buffered += n;
      written += n;
      off += n;
      len -= n;
      if (buffered == partSize) {
        uploadFullPart();
      }
    }
  }

  /** Hands the full buffer to a background upload and continues in the spare one. */
  private void uploadFullPart() throws IOException {
    if (uploadId == null) {
      try {
        uploadId = store.client().createMultipartUpload(b -> b.bucket(store.s3Location().bucket()).key(key)
            .contentType(CONTENT_TYPE).checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
      } catch (SdkException e) {
        throw store.errors().translate(e, "start the upload of", displayName);
      }
    }
    awaitInFlight();
    byte[] full = buffer;
    int size = buffered;
    int partNumber = nextPartNumber();
    String id = uploadId;
    inFlightBuffer = full;
    inFlight = store.uploads().submit(() -> uploadPart(id, partNumber, full, size));
    buffer = spare != null ? spare : new byte[partSize];
    spare = null;
    buffered = 0;
  }

  /** The number of the next part, or an error when S3's limit of parts would be passed. */
  private int nextPartNumber() {
    int partNumber = parts.size() + 1;
    if (partNumber > S3Options.MAX_PARTS) {
      throw CopyJobException.of(ErrorCode.STORE_ERROR, "could not write " + displayName + ": it is larger than "
          + S3Options.MAX_PARTS + " parts of " + partSize + " bytes, S3's limit; raise " + S3Options.PART_SIZE_BYTES);
    }
    return partNumber;
  }

  private CompletedPart uploadPart(String id, int partNumber, byte[] bytes, int size) {
    try {
      UploadPartResponse r = store.client().uploadPart(b -> b.bucket(store.s3Location().bucket()).key(key)
          .uploadId(id).partNumber(partNumber).contentLength((long) size).checksumAlgorithm(ChecksumAlgorithm.CRC32),
          body(bytes, size));
      return CompletedPart.builder().partNumber(partNumber).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build();
    } catch (SdkException e) {
      throw store.errors().translate(e, "upload part " + partNumber + " of", displayName);
    }
  }

  /** A body the SDK can read again on a retry, without copying the buffer. */
  private static RequestBody body(byte[] bytes, int size) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, size), size, CONTENT_TYPE);
  }

  /** Waits for the part being uploaded, records it and keeps its buffer as the spare. */
  private void awaitInFlight() throws IOException {
    if (inFlight == null) {
      return;
    }
    Future<CompletedPart> f = inFlight;
    inFlight = null;
    try {
      parts.add(f.get());
      spare = inFlightBuffer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new InterruptedIOException("interrupted while uploading " + displayName);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException("could not upload a part of " + displayName, e.getCause());
    } catch (CancellationException e) {
      throw new InterruptedIOException("the upload of " + displayName + " was cancelled");
    } finally {
      inFlightBuffer = null;
    }
  }

  @Override
  public synchronized void commit() throws IOException {
    if (state == State.COMMITTED) {
      return;
    }
    if (state == State.ABORTED) {
      throw new IllegalStateException("pending file " + displayName + " was aborted");
    }
    state = State.CLOSED;
    String bucket = store.s3Location().bucket();
    if (uploadId == null) {
      try {
        store.client().putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE)
            .contentLength((long) buffered), body(buffer, buffered));
      } catch (SdkException e) {
        throw store.errors().translate(e, "upload", displayName);
      }
    } else {
      awaitInFlight();
      if (buffered > 0) {
        parts.add(uploadPart(uploadId, nextPartNumber(), buffer, buffered));
      }
      try {
        store.client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(parts)));
      } catch (SdkException e) {
        throw store.errors().translate(e, "complete the upload of", displayName);
      }
    }
    state = State.COMMITTED;
    release();
    LOG.debug("committed {} ({} bytes, {})", displayName, written,
        uploadId == null ? "one request" : parts.size() + " parts");
  }

  @Override
  public void abort() {
    Future<CompletedPart> pending;
    synchronized (this) {
      if (state == State.COMMITTED || state == State.ABORTED) {
        return;
      }
      state = State.ABORTED;
      pending = inFlight;
      inFlight = null;
    }
    if (pending != null) {
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | CancellationException e) {
        // The upload is aborted below either way.
      }
    }
    synchronized (this) {
      release();
      if (uploadId == null) {
        return;
      }
      try {
        store.client().abortMultipartUpload(b -> b.bucket(store.s3Location().bucket()).key(key).uploadId(uploadId));
      } catch (SdkException | CopyJobException e) {
        // Orphan parts cost storage until a lifecycle rule removes them: say so, but abort never throws.
        LOG.warn("could not abort the multipart upload of {}: {}", displayName,
            store.options().redact(String.valueOf(e.getMessage())));
      }
    }
  }

  private void release() {
    buffer = new byte[0];
    spare = null;
    inFlightBuffer = null;
    buffered = 0;
  }

  /** The writer's view; closing ends the writing but publishes nothing. */
  private final class Stream extends OutputStream {
    private final byte[] one = new byte[1];

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      S3PendingFile.this.write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      S3PendingFile.this.write(b, off, len);
    }

    @Override
    public void close() {
      synchronized (S3PendingFile.this) {
        if (state == State.OPEN) {
          state = State.CLOSED;
        }
      }
    }
  }
}
