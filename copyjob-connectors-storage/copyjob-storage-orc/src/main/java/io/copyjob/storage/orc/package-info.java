/**
 * The ORC file format for the {@code files} connector (reading only): add this artifact and the connector reads
 * {@code *.orc} files, or any file with {@code format=orc}, from every file store. It is an artifact of its own
 * because Apache ORC's API is built on Hadoop's client API (Configuration, FileSystem, Path), about 50 MB that
 * users of the other formats should not carry. ORC reads through {@code StoreFileSystem},
 * a Hadoop file system over copyjob's {@code RandomAccessInput}, so an ORC file on S3 or Azure is read in byte
 * ranges (tail, then the requested columns' streams of each stripe), never downloaded whole.
 */
package io.copyjob.storage.orc;
