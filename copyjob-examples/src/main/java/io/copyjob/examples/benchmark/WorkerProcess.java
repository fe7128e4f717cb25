package io.copyjob.examples.benchmark;

import io.copyjob.testkit.S3ProxyServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The suite's handle on one forked variant JVM (see {@link VariantWorker}). */
final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;
  private final String name;

  private WorkerProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** One round's figures. */
  record Round(double seconds, long rows, long peakHeapBytes, long peakAfterGcBytes) {
  }

  /**
   * Starts a JVM on this JVM's classpath with the given heap and any {@code extraJvmArguments} (JFR, ...).
   */
  static WorkerProcess start(BenchContext ctx, Scenario scenario, Scenario.Spec variant, String heap,
      List<String> extraJvmArguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heap);
    command.addAll(extraJvmArguments);
    command.addAll(ctx.asJvmArguments());
    String s3proxy = System.getProperty(S3ProxyServer.JAR_PROPERTY);
    if (s3proxy != null) {
      command.add("-D" + S3ProxyServer.JAR_PROPERTY + "=" + s3proxy);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(VariantWorker.class.getName());
    command.add(scenario.id());
    command.add(variant.name());
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    WorkerProcess worker = new WorkerProcess(p, scenario.id() + " / " + variant.name());
    worker.answer("starting"); // the variant is open: whatever it set up is done before any round starts
    return worker;
  }

  Round round(int n) throws IOException {
    String[] a = ask("round " + n).split(" ");
    return new Round(Double.parseDouble(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]), Long.parseLong(a[4]));
  }

  void verify() throws IOException {
    ask("verify");
  }

  /** The most resident memory the JVM has used so far (VmHWM of /proc/pid/status). */
  long peakRssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM for " + name);
  }

  /** Sends a command and returns its answer. */
  private String ask(String command) throws IOException {
    commands.println(command);
    return answer(command);
  }

  /** The next answer; other output of the worker is passed through. */
  private String answer(String command) throws IOException {
    String line;
    while ((line = answers.readLine()) != null) {
      if (line.startsWith(VariantWorker.ANSWER)) {
        return line.substring(VariantWorker.ANSWER.length());
      }
      System.out.println(line);
    }
    throw new IOException(name + " ended while running '" + command + "' (see its stack trace above)");
  }

  @Override
  public void close() throws InterruptedException {
    commands.close();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
