package io.copyjob.storage.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A block blob written as staged blocks and published by committing the block list: until then the blob (or the
 * previous blob of that name) is all readers see. Block ids carry a random prefix so that two writers of the
 * same name never mix their blocks. Abort stages nothing more; the service discards uncommitted blocks when the
 * blob is next committed, and otherwise after a week.
 */
final class BlobPendingFile extends AzurePendingFile {
  private static final Logger LOG = LoggerFactory.getLogger(BlobPendingFile.class);
  /** Azure's limit of committed blocks per blob. */
  static final int MAX_BLOCKS = 50_000;

  private final BlockBlobClient blob;
  private final AzureErrors errors;
  private final String idPrefix = UUID.randomUUID().toString().replace("-", "");
  private final List<String> blockIds = new ArrayList<>();

  BlobPendingFile(String path, String display, int blockSize, BlockBlobClient blob, AzureErrors errors) {
    super(path, display, blockSize);
    this.blob = blob;
    this.errors = errors;
  }

  /** Every id has the same length, as the service requires: a prefix and a zero-padded index, in Base64. */
  static String blockId(String prefix, int index) {
    return Base64.getEncoder().encodeToString(String.format("%s-%06d", prefix, index)
        .getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  protected void uploadBlock(byte[] data, int length, long offset, int index) throws IOException {
    if (index >= MAX_BLOCKS) {
      throw new IOException(display() + " needs more than " + MAX_BLOCKS + " blocks; raise "
          + AzureOptions.BLOCK_SIZE_BYTES + " (now " + length + " bytes)");
    }
    String id = blockId(idPrefix, index);
    try {
      blob.stageBlock(id, BinaryData.fromByteBuffer(ByteBuffer.wrap(data, 0, length)));
    } catch (RuntimeException e) {
      throw errors.translate("upload a block of", display(), e);
    }
    blockIds.add(id);
  }

  @Override
  protected void publish(byte[] whole, int length, int blockCount, long size) throws IOException {
    BlobHttpHeaders headers = new BlobHttpHeaders().setContentType(contentType(path()));
    try {
      if (whole != null) {
        blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromByteBuffer(
            ByteBuffer.wrap(whole, 0, length))).setHeaders(headers), null, Context.NONE);
      } else {
        blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(List.copyOf(blockIds))
            .setHeaders(headers), null, Context.NONE);
      }
    } catch (RuntimeException e) {
      throw errors.translate("publish", display(), e);
    }
  }

  @Override
  protected void discard(int blockCount) {
    if (blockCount > 0) {
      LOG.debug("left {} staged blocks of {} uncommitted; the service discards them", blockCount, display());
    }
  }
}
