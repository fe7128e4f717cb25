package io.copyjob.examples.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a forked variant JVM: {@code VariantWorker <scenario> <variant>}. It opens the variant (which
 * may load its destination), answers {@code @ready}, then answers the suite's commands on stdin, one per line: {@code round <n>} runs a round and answers
 * {@code @round <seconds> <rows> <peak heap bytes> <peak heap after GC bytes>}, {@code verify} answers {@code @verified}. Any failure ends the
 * JVM with its stack trace on stderr.
 */
public final class VariantWorker {
  static final String ANSWER = "@";

  private VariantWorker() {
  }

  public static void main(String[] args) throws Exception {
    Variant variant = Scenarios.byId(args[0]).variant(args[1]).opener().open(BenchContext.fromSystemProperties());
    answer("ready");
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      String[] command = line.split(" ");
      switch (command[0]) {
        case "round" -> {
          variant.prepare(Integer.parseInt(command[1]));
          HeapMeter.reset();
          long start = System.nanoTime();
          long rows = variant.run();
          double seconds = (System.nanoTime() - start) / 1e9;
          answer("round " + seconds + " " + rows + " " + HeapMeter.peakBytes() + " " + HeapMeter.peakAfterGcBytes());
        }
        case "verify" -> {
          variant.verify();
          answer("verified");
        }
        default -> throw new IllegalArgumentException("unknown command " + line);
      }
    }
  }

  private static void answer(String text) {
    System.out.println(ANSWER + text);
    System.out.flush();
  }
}
