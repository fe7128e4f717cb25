package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.StorePaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where datasets live in a store: {@code ns.name} is the folder {@code ns/name/}, {@code name} the folder
 * {@code name/}, below the connector's location. A dataset's data files are every file below its folder, at
 * any depth, except those with a path segment (file or folder) starting with {@code _} or {@code .}
 * (temporary files, {@code _SUCCESS} markers, {@code _delta_log}). Without a {@code format} option only files
 * with a known extension count as data files.
 */
final class DatasetLayout {
  private final FileStore store;
  private final FilesOptions options;

  DatasetLayout(FileStore store, FilesOptions options) {
    this.store = store;
    this.options = options;
  }

  FileStore store() {
    return store;
  }

  /** The folder of {@code id}, relative to the location. */
  static String folder(DatasetId id) {
    String name = segment(id, id.name());
    return id.namespace().map(ns -> segment(id, ns) + "/" + name).orElse(name);
  }

  private static String segment(DatasetId id, String part) {
    if (part.contains("/") || part.contains("\\") || part.equals(".") || part.equals("..")) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "the dataset name '" + id
          + "' cannot be a folder name: it contains a path separator or is . or ..").table(id.toString()).build();
    }
    if (part.startsWith("_") || part.startsWith(".")) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "the dataset name '" + id + "' starts with _ or ., "
          + "which marks folders that readers skip").table(id.toString()).build();
    }
    return part;
  }

  /** Whether a path, relative to a dataset folder or the location, has a segment readers skip. */
  static boolean isHidden(String relativePath) {
    return io.copyjob.storage.files.location.LocationPattern.isHidden(relativePath);
  }

  /** Whether {@code file} would be read as data (format option, or a known extension). */
  boolean isDataFile(FileInfo file) {
    return FileFormats.forFile(file.name(), options).isPresent();
  }

  /** Every file below {@code folder} that is not hidden, sorted by path; includes unknown extensions. */
  List<FileInfo> visibleFiles(String folder) {
    List<FileInfo> all;
    try {
      all = store.list(folder);
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not list " + store.displayName(folder) + ": " + e)
          .cause(e).build();
    }
    List<FileInfo> visible = new ArrayList<>();
    for (FileInfo f : all) {
      if (!isHidden(StorePaths.relativize(folder, f.path()))) {
        visible.add(f);
      }
    }
    return visible;
  }

  /**
   * The data files of a dataset folder with the format of each.
   *
   * @throws CopyJobException {@code BAD_INPUT} naming a file of unknown extension (without a format option)
   *                          or a folder that mixes formats
   */
  List<DataFile> dataFiles(String folder) {
    List<DataFile> files = new ArrayList<>();
    for (FileInfo f : visibleFiles(folder)) {
      add(files, store, f, options);
    }
    return files;
  }

  /**
   * The formats of the files a {@link io.copyjob.storage.files.location.FileSelector} selected.
   *
   * @throws CopyJobException {@code BAD_INPUT} naming a file of unknown extension (without a format option)
   *                          or a mix of formats
   */
  static List<DataFile> dataFiles(List<io.copyjob.storage.files.location.SelectedFile> selected,
      FilesOptions options) {
    List<DataFile> files = new ArrayList<>();
    for (io.copyjob.storage.files.location.SelectedFile f : selected) {
      add(files, f.store(), f.file(), options);
    }
    return files;
  }

  private static void add(List<DataFile> files, FileStore store, FileInfo f, FilesOptions options) {
    Optional<FileFormat> format = FileFormats.forFile(f.name(), options);
    if (format.isEmpty()) {
      throw CopyJobException.builder(ErrorCode.BAD_INPUT, "the file's format is unknown: its extension is not "
          + ".csv, .jsonl, .ndjson, .parquet or .pq (for CSV and JSON Lines optionally followed by .gz, .snappy or "
          + ".zst); set the 'format' option, or move the file out of the folder or the locations")
          .location("file " + store.displayName(f.path())).build();
    }
    if (!files.isEmpty() && !files.get(0).format().name().equals(format.get().name())) {
      throw CopyJobException.builder(ErrorCode.BAD_INPUT, "the dataset mixes " + files.get(0).format().name()
          + " files (" + files.get(0).file().name() + ") with " + format.get().name() + " files; a dataset has one "
          + "format").location("file " + store.displayName(f.path())).build();
    }
    files.add(new DataFile(store, f, format.get()));
  }

  /** Folders one or two levels below the location that directly hold at least one data file, sorted. */
  List<DatasetId> listDatasets() {
    TreeSet<DatasetId> ids = new TreeSet<>();
    for (FileInfo f : visibleFiles("")) {
      String[] segments = f.path().split("/");
      if ((segments.length == 2 || segments.length == 3) && isDataFile(f)) {
        ids.add(segments.length == 2 ? DatasetId.of(segments[0]) : DatasetId.of(segments[0], segments[1]));
      }
    }
    return new ArrayList<>(ids);
  }

  /** A data file, the store it is read through and the format it is read with. */
  record DataFile(FileStore store, FileInfo file, FileFormat format) {

    String displayName() {
      return store.displayName(file.path());
    }
  }
}
