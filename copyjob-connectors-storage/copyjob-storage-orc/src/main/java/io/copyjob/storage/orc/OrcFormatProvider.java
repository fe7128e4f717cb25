package io.copyjob.storage.orc;

import io.copyjob.storage.files.FilesOptions;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FileFormatProvider;
import java.util.List;

/**
 * Registers the ORC format with the {@code files} connector: {@code format=orc}, or files named {@code *.orc}.
 * Listed in {@code META-INF/services/io.copyjob.storage.files.format.FileFormatProvider}.
 */
public final class OrcFormatProvider implements FileFormatProvider {
  /** The format's name and file extension. */
  public static final String NAME = "orc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(NAME);
  }

  /** The ORC format; it has no options (a file's codec is recorded in the file). */
  @Override
  public FileFormat create(FilesOptions options) {
    return new OrcFormat();
  }
}
