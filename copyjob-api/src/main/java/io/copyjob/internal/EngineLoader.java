package io.copyjob.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.CopyEngine;
import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link CopyEngine} (copyjob-core) on the class path. Not part of the API contract. */
public final class EngineLoader {
  private static volatile CopyEngine engine;

  private EngineLoader() {
  }

  public static CopyEngine engine() {
    CopyEngine e = engine;
    if (e == null) {
      Iterator<CopyEngine> it = ServiceLoader.load(CopyEngine.class, EngineLoader.class.getClassLoader()).iterator();
      if (!it.hasNext()) {
        throw CopyJobException.of(ErrorCode.INVALID_JOB,
            "no copyjob engine on the class path: add io.copyjob:copyjob-core to the dependencies");
      }
      e = it.next();
      engine = e;
    }
    return e;
  }
}
