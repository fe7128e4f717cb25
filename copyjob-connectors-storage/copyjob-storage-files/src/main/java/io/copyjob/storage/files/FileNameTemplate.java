package io.copyjob.storage.files;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names output files from a template with the placeholders {@code {run}} (the run id), {@code {writer}} (the
 * writer number, 5 digits), {@code {seq}} (the file number of that writer in this run, 5 digits, counting
 * rollovers) and {@code {ext}} (the format's extension). The default, {@value #DEFAULT}, gives every file of
 * every run its own name. A template without {@code {writer}} makes the sink use a single writer; one without
 * {@code {seq}} cannot be combined with {@code maxRowsPerFile}; a fixed name such as {@code data.csv} replaces
 * the file on each run.
 */
public final class FileNameTemplate {
  /** The default template. */
  public static final String DEFAULT = "part-{run}-{writer}-{seq}.{ext}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final String template;

  private FileNameTemplate(String template) {
    this.template = template;
  }

  /**
   * Reads a template.
   *
   * @throws IllegalArgumentException for an unknown placeholder, a {@code /}, or a name readers would skip
   */
  public static FileNameTemplate parse(String template) {
    if (template.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (template.indexOf('/') >= 0 || template.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("must be a file name, without / or \\: '" + template + "'");
    }
    if (template.startsWith("_") || template.startsWith(".")) {
      throw new IllegalArgumentException("must not start with _ or ., which mark files readers skip: '" + template + "'");
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      switch (m.group(1)) {
        case "run": case "writer": case "seq": case "ext":
          break;
        default:
          throw new IllegalArgumentException("has the unknown placeholder {" + m.group(1)
              + "}; known: {run}, {writer}, {seq}, {ext}");
      }
    }
    return new FileNameTemplate(template);
  }

  /** Whether each writer gets its own names, so several may write at once. */
  public boolean hasWriter() {
    return template.contains("{writer}");
  }

  /** Whether one writer's successive files get distinct names. */
  public boolean hasSequence() {
    return template.contains("{seq}");
  }

  /** The name of file {@code seq} of writer {@code writer} in run {@code runId}. */
  public String name(String runId, int writer, int seq, String extension) {
    return template
        .replace("{run}", UNSAFE.matcher(runId).replaceAll("_"))
        .replace("{writer}", String.format(Locale.ROOT, "%05d", writer))
        .replace("{seq}", String.format(Locale.ROOT, "%05d", seq))
        .replace("{ext}", extension);
  }

  @Override
  public String toString() {
    return template;
  }
}
