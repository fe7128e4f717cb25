package io.copyjob.storage.s3;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Positional reads of one object with ranged GETs, each pinned to the ETag seen when the input was opened, so a
 * reader never mixes bytes of two versions of a replaced object (S3 answers 412 and the read fails).
 *
 * <p>Buffering is shaped by Parquet, which reads the last 8 bytes, then the footer before them, then whole
 * column chunks: the last {@value #TAIL} bytes are fetched once on the first read that falls in them (so the
 * footer of most files costs one request, and a small file is one request in all), other small reads fetch
 * at least {@value #READ_AHEAD} bytes and serve what follows from that window, and large reads go to S3 as one
 * request of exactly their size. Used by one thread at a time.
 */
final class S3RandomAccessInput implements RandomAccessInput {
  static final int TAIL = 64 * 1024;
  static final int READ_AHEAD = 64 * 1024;

  private final S3FileStore store;
  private final String key;
  private final String displayName;
  private final long length;
  private final String eTag;
  private final long tailStart;
  private byte[] tail;
  private byte[] window;
  private long windowStart;
  private int windowLength;
  private long requests;
  private boolean closed;

  S3RandomAccessInput(S3FileStore store, String key, String displayName, long length, String eTag) {
    this.store = store;
    this.key = key;
    this.displayName = displayName;
    this.length = length;
    this.eTag = eTag;
    this.tailStart = Math.max(0, length - TAIL);
  }

  @Override
  public long length() {
    return length;
  }

  /** GET requests made so far, for tests. */
  long requests() {
    return requests;
  }

  @Override
  public int read(long position, byte[] buffer, int offset, int len) throws IOException {
    if (closed) {
      throw new IOException("closed: " + displayName);
    }
    if (position < 0 || offset < 0 || len < 0 || offset + len > buffer.length) {
      throw new IndexOutOfBoundsException("position " + position + ", offset " + offset + ", length " + len);
    }
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - position);
    if (position >= tailStart) {
      if (tail == null) {
        byte[] t = new byte[(int) (length - tailStart)];
        fetch(tailStart, t, 0, t.length);
        tail = t;
      }
      System.arraycopy(tail, (int) (position - tailStart), buffer, offset, n);
      return n;
    }
    if (window != null && position >= windowStart && position < windowStart + windowLength) {
      int m = (int) Math.min(n, windowStart + windowLength - position);
      System.arraycopy(window, (int) (position - windowStart), buffer, offset, m);
      return m;
    }
    if (n >= READ_AHEAD) {
      fetch(position, buffer, offset, n);
      return n;
    }
    if (window == null) {
      window = new byte[READ_AHEAD];
    }
    int ahead = (int) Math.min(READ_AHEAD, length - position);
    windowLength = 0;
    fetch(position, window, 0, ahead);
    windowStart = position;
    windowLength = ahead;
    System.arraycopy(window, 0, buffer, offset, n);
    return n;
  }

  /** One ranged GET of exactly {@code len} bytes at {@code position} into {@code dest}. */
  private void fetch(long position, byte[] dest, int offset, int len) throws IOException {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(store.s3Location().bucket()).key(key)
        .range("bytes=" + position + "-" + (position + len - 1));
    if (eTag != null) {
      request.ifMatch(eTag);
    }
    requests++;
    try (ResponseInputStream<GetObjectResponse> in = store.client().getObject(request.build())) {
      int done = readFully(in, dest, offset, len);
      if (done < len) {
        throw new EOFException(displayName + " ended after " + (position + done) + " bytes; expected " + length);
      }
    } catch (AwsServiceException e) {
      if (e.statusCode() == 412) {
        throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not read " + displayName
            + ": it was replaced while being read").cause(e).build();
      }
      throw store.errors().translate(e, "read bytes " + position + " to " + (position + len - 1) + " of",
          displayName);
    } catch (SdkException e) {
      throw store.errors().translate(e, "read bytes " + position + " to " + (position + len - 1) + " of",
          displayName);
    }
  }

  private static int readFully(InputStream in, byte[] dest, int offset, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int r = in.read(dest, offset + done, len - done);
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public void close() {
    closed = true;
    tail = null;
    window = null;
  }
}
