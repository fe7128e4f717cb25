package io.copyjob.core.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A lock held by a dedicated connection: releases it, then closes the connection, once. */
final class ConnectionLease implements JobLock.Lease {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLease.class);

  /** Releases the lock on the connection. */
  interface Release {
    void release(Connection c) throws SQLException;
  }

  private final String job;
  private final Connection connection;
  private final Release release;
  private final TickClaims claims;
  private boolean closed;

  ConnectionLease(String job, Connection connection, Release release, TickClaims claims) {
    this.job = job;
    this.connection = connection;
    this.release = release;
    this.claims = claims;
  }

  @Override
  public synchronized boolean claim(java.time.Instant tick) {
    try {
      return claims.claim(connection, job, tick);
    } catch (SQLException e) {
      throw io.copyjob.CopyJobException.builder(io.copyjob.ErrorCode.STORE_ERROR, "cannot record fire time " + tick
          + " in " + TickClaims.TABLE + ": " + e.getMessage()).job(job).cause(e).build();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // An interrupted thread (shutdownNow) must still release the lock; restore the flag afterwards.
    boolean interrupted = Thread.interrupted();
    boolean released = false;
    try {
      release.release(connection);
      released = true;
    } catch (SQLException e) {
      LOG.warn("cannot release the lock of job {} ({}); ending its database session releases it", job,
          e.getMessage());
    } finally {
      try {
        if (released) {
          connection.close();
        } else {
          // A pool would keep the session, and with it the lock, alive forever on close(): abort ends the
          // session (and the pool discards the connection).
          connection.abort(Runnable::run);
        }
      } catch (SQLException e) {
        LOG.warn("cannot close the lock connection of job {}: {}", job, e.getMessage());
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
