package io.copyjob.spi;

/** Whether a connector is used to read (source) or to write (sink). */
public enum ConnectorRole { SOURCE, SINK }
