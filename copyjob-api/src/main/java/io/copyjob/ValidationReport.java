package io.copyjob;

import java.util.List;

/**
 * What {@link CopyJob#validate()} found when it checked a job against the live stores: the tables it resolved
 * and every problem, each a {@link CopyJobException} naming job, table and column. Immutable.
 */
public final class ValidationReport {
  private final List<String> tables;
  private final List<CopyJobException> problems;

  private ValidationReport(List<String> tables, List<CopyJobException> problems) {
    this.tables = List.copyOf(tables);
    this.problems = List.copyOf(problems);
  }

  public static ValidationReport of(List<String> tables, List<CopyJobException> problems) {
    return new ValidationReport(tables, problems);
  }

  /** Source tables the job's selectors resolved to, {@code source -> destination}. */
  public List<String> tables() { return tables; }

  public List<CopyJobException> problems() { return problems; }

  public boolean isValid() { return problems.isEmpty(); }

  /** Throws the first problem, with the others suppressed, when there is any. */
  public ValidationReport throwIfInvalid() {
    if (!problems.isEmpty()) {
      CopyJobException first = problems.get(0);
      for (int i = 1; i < problems.size(); i++) {
        first.addSuppressed(problems.get(i));
      }
      throw first;
    }
    return this;
  }

  @Override
  public String toString() {
    return isValid() ? "valid: " + tables : "invalid: " + problems.stream().map(Throwable::getMessage).toList();
  }
}
