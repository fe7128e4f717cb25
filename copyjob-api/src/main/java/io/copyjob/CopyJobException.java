package io.copyjob;

import java.util.Optional;

/**
 * The one unchecked exception copyjob throws. It carries an {@link ErrorCode} (and through it an
 * {@link ErrorKind}) and the context that locates the problem: job, table, column and, for data errors,
 * the file and line or the row key. {@link #getMessage()} renders all of it, e.g.
 * {@code [job orders-sync, table public.orders, column amount, row id=42] cannot convert 'abc' to INT64}.
 *
 * <p>Messages never contain secrets: connectors must not put credentials in them, and the engine removes
 * the values of every sensitive option from messages before they leave a run.
 */
public class CopyJobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String detail;
  private final String job;
  private final String table;
  private final String column;
  private final String location;

  protected CopyJobException(Builder b) {
    super(render(b), b.cause);
    this.code = b.code;
    this.detail = b.detail;
    this.job = b.job;
    this.table = b.table;
    this.column = b.column;
    this.location = b.location;
  }

  /** Starts an exception of {@code code} with the message {@code detail}. */
  public static Builder builder(ErrorCode code, String detail) {
    return new Builder(code, detail);
  }

  /** Shortcut for an exception with a code and a message and no further context. */
  public static CopyJobException of(ErrorCode code, String detail) {
    return builder(code, detail).build();
  }

  public ErrorCode code() { return code; }

  public ErrorKind kind() { return code.kind(); }

  public boolean retryable() { return code.retryable(); }

  /** The message without the context prefix. */
  public String detail() { return detail; }

  public Optional<String> job() { return Optional.ofNullable(job); }

  public Optional<String> table() { return Optional.ofNullable(table); }

  public Optional<String> column() { return Optional.ofNullable(column); }

  /** File and line, or row key, of the offending data. */
  public Optional<String> location() { return Optional.ofNullable(location); }

  /** A builder holding this exception's code, message, context and cause, to add context. */
  public Builder toBuilder() {
    Builder b = new Builder(code, detail);
    b.job = job;
    b.table = table;
    b.column = column;
    b.location = location;
    b.cause = getCause();
    return b;
  }

  private static String render(Builder b) {
    StringBuilder context = new StringBuilder();
    append(context, "job", b.job);
    append(context, "table", b.table);
    append(context, "column", b.column);
    append(context, null, b.location);
    return context.length() == 0 ? b.detail : "[" + context + "] " + b.detail;
  }

  private static void append(StringBuilder sb, String label, String value) {
    if (value == null) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(label == null ? "" : label + " ").append(value);
  }

  /** Builds a {@link CopyJobException}; context fields left unset are omitted from the message. */
  public static final class Builder {
    private final ErrorCode code;
    private String detail;
    private String job;
    private String table;
    private String column;
    private String location;
    private Throwable cause;

    private Builder(ErrorCode code, String detail) {
      this.code = code;
      this.detail = detail;
    }

    public Builder detail(String detail) { this.detail = detail; return this; }
    public Builder job(String job) { this.job = job; return this; }
    public Builder table(String table) { this.table = table; return this; }
    public Builder column(String column) { this.column = column; return this; }
    /** Where the data error is: {@code file x.csv line 12}, {@code row id=42}. */
    public Builder location(String location) { this.location = location; return this; }
    public Builder cause(Throwable cause) { this.cause = cause; return this; }

    /** Sets job and table only where they are not set yet: inner layers know better. */
    public Builder jobIfAbsent(String job) { if (this.job == null) { this.job = job; } return this; }
    public Builder tableIfAbsent(String table) { if (this.table == null) { this.table = table; } return this; }

    public CopyJobException build() {
      return new CopyJobException(this);
    }
  }
}
