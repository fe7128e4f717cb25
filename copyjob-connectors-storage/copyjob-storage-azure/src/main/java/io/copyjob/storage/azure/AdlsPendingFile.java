package io.copyjob.storage.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.PathHttpHeaders;
import com.azure.storage.file.datalake.options.DataLakeFileFlushOptions;
import io.copyjob.storage.files.store.StorePaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ADLS Gen2 file written to a hidden temporary name next to its target ({@code .<name>.<random>.tmp}, which
 * the files connector skips), by appends of one block each, flushed at commit and then renamed onto the target
 * in one atomic step that replaces a file of that name. Abort deletes the temporary file.
 */
final class AdlsPendingFile extends AzurePendingFile {
  private static final Logger LOG = LoggerFactory.getLogger(AdlsPendingFile.class);

  private final DataLakeFileClient temp;
  private final String target;
  private final AzureErrors errors;

  AdlsPendingFile(String path, String display, int blockSize, DataLakeFileSystemClient fileSystem, String target,
      AzureErrors errors) throws IOException {
    super(path, display, blockSize);
    this.target = target;
    this.errors = errors;
    String parent = StorePaths.parent(target);
    String tempName = "." + StorePaths.name(target) + "." + UUID.randomUUID() + ".tmp";
    this.temp = fileSystem.getFileClient(parent.isEmpty() ? tempName : parent + "/" + tempName);
    try {
      temp.create(true);
    } catch (RuntimeException e) {
      throw errors.translate("create a temporary file for", display, e);
    }
  }

  /** The temporary file's path in the file system, for tests. */
  String tempPath() {
    return temp.getFilePath();
  }

  @Override
  protected void uploadBlock(byte[] data, int length, long offset, int index) throws IOException {
    try {
      temp.append(BinaryData.fromByteBuffer(ByteBuffer.wrap(data, 0, length)), offset);
    } catch (RuntimeException e) {
      throw errors.translate("append to", display(), e);
    }
  }

  @Override
  protected void publish(byte[] whole, int length, int blockCount, long size) throws IOException {
    try {
      if (whole != null && length > 0) {
        temp.append(BinaryData.fromByteBuffer(ByteBuffer.wrap(whole, 0, length)), 0);
      }
      temp.flushWithResponse(size, new DataLakeFileFlushOptions().setClose(true)
          .setPathHttpHeaders(new PathHttpHeaders().setContentType(contentType(path()))), null, Context.NONE);
      // Rename replaces the target: no destination conditions.
      temp.renameWithResponse(null, target, null, null, null, Context.NONE);
    } catch (RuntimeException e) {
      throw errors.translate("publish", display(), e);
    }
  }

  @Override
  protected void discard(int blockCount) {
    try {
      temp.deleteIfExists();
    } catch (RuntimeException e) {
      LOG.warn("could not delete the temporary file {} of {}: {}", temp.getFilePath(), display(),
          errors.scrub(e.getClass().getSimpleName() + " HTTP " + AzureErrors.status(e)));
    }
  }
}
