package io.copyjob.core.watermark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Watermarks in one JSON file per job: {@code {"formatVersion":1,"tables":{"public.orders":{"type":"TIMESTAMP(6)",
 * "value":"2024-05-01T10:00:00.123456"}}}}.
 *
 * <p>A save writes a new file beside the old one, forces it to disk and renames it over the old one atomically,
 * so a crash at any point leaves either the old or the new file, never a torn one. A lock file serialises
 * saves of processes on one machine.
 */
public final class FileWatermarkStore implements WatermarkStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * One lock per lock file in this JVM: a file lock is held by the whole process, so a second store on the same
   * directory would get OverlappingFileLockException instead of waiting its turn.
   */
  private static final java.util.concurrent.ConcurrentMap<Path, java.util.concurrent.locks.ReentrantLock> IN_PROCESS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Path directory;

  public FileWatermarkStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public Optional<Watermark> load(String job, DatasetId table) {
    ObjectNode entry = (ObjectNode) read(job).path("tables").get(table.toString());
    if (entry == null) {
      return Optional.empty();
    }
    return Optional.of(Watermark.parse(LogicalType.parse(entry.get("type").asText()), entry.get("value").asText()));
  }

  @Override
  public void save(String job, DatasetId table, Optional<Watermark> expected, Watermark next) {
    update(job, root -> {
      Conflicts.check(job, table, expected, load(job, table));
      ObjectNode entry = root.with("tables").putObject(table.toString());
      entry.put("type", next.type().toString());
      entry.put("value", next.toText());
    });
  }

  @Override
  public void reset(String job, DatasetId table) {
    update(job, root -> root.with("tables").remove(table.toString()));
  }

  private void update(String job, java.util.function.Consumer<ObjectNode> change) {
    Path lockFile = directory.resolve(fileName(job) + ".lock").toAbsolutePath().normalize();
    java.util.concurrent.locks.ReentrantLock inProcess =
        IN_PROCESS.computeIfAbsent(lockFile, k -> new java.util.concurrent.locks.ReentrantLock());
    inProcess.lock();
    try {
      Files.createDirectories(directory);
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock lock = lockChannel.lock()) {
        ObjectNode root = read(job);
        change.accept(root);
        root.put("formatVersion", 1);
        Path target = file(job);
        Path temp = directory.resolve("." + fileName(job) + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING); OutputStream os = java.nio.channels.Channels.newOutputStream(out)) {
          os.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
          os.flush();
          out.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot save watermarks in " + file(job) + ": " + e.getMessage())
          .job(job).cause(e).build();
    } finally {
      inProcess.unlock();
    }
  }

  private ObjectNode read(String job) {
    Path f = file(job);
    if (!Files.exists(f)) {
      return JSON.createObjectNode();
    }
    try {
      return (ObjectNode) JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException | ClassCastException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot read watermarks from " + f + ": " + e.getMessage())
          .job(job).cause(e).build();
    }
  }

  private Path file(String job) {
    return directory.resolve(fileName(job) + ".json");
  }

  /** A file name for any job name: safe characters kept, others hex-escaped, so names never collide. */
  public static String fileName(String job) {
    StringBuilder sb = new StringBuilder();
    for (byte b : job.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "FileWatermarkStore{" + directory + "}";
  }
}
