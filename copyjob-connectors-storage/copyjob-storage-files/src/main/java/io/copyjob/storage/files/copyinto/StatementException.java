package io.copyjob.storage.files.copyinto;

/** A problem at an offset of a statement; {@link CopyIntoParser} turns it into a CopyJobException with line and column. */
final class StatementException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int offset;

  StatementException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
