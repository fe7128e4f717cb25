package io.copyjob.core.internal;

import io.copyjob.CopyListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a job's listeners; one that throws is logged and does not disturb the run or the others. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<CopyListener> listeners;

  Listeners(List<CopyListener> listeners) {
    this.listeners = listeners;
  }

  void fire(Consumer<CopyListener> event) {
    for (CopyListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("copy listener {} failed; ignored", l.getClass().getName(), e);
      }
    }
  }
}
