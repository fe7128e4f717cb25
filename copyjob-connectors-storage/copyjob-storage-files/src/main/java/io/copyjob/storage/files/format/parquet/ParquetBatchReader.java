package io.copyjob.storage.files.format.parquet;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads one Parquet file column by column into batches: for each row group, one {@link ColumnReader} per
 * requested flat column fills its vector directly, no records are assembled; nested columns (read as JSON) are
 * assembled into records by parquet-java's example converter and written as JSON text ({@link ParquetJson}).
 * Only the requested columns' chunks are fetched from the store.
 */
final class ParquetBatchReader implements FormatReader {
  /** Rows decoded per column before the batch's bytes are checked. */
  private static final int CHUNK = 256;

  private final String file;
  private final RandomAccessInput input;
  private final StoreInputFile inputFile;
  private final ParquetFileReader reader;
  private final Schema fileSchema;
  private Schema columns;
  private MessageType requested;
  private MessageType flatSchema;
  private int[] flatOut;
  private MessageType nestedSchema;
  private int[] nestedOut;
  private RecordReader<Group> records;
  private ColumnDescriptor[] descriptors;
  private ColumnDecoders.Decoder[] decoders;
  private ColumnReader[] columnReaders;
  private BatchSizer sizer;
  private long rowsLeftInGroup;
  /** The row groups to read, by index; null for all of them. */
  private int[] groups;
  private int nextGroup;
  private boolean done;

  ParquetBatchReader(FileStore store, FileInfo info) {
    this(store, io.copyjob.storage.files.format.FilePart.whole(info));
  }

  /** Reads the row groups of {@code part} that start in its byte range (all of them for a whole file). */
  ParquetBatchReader(FileStore store, io.copyjob.storage.files.format.FilePart part) {
    FileInfo info = part.file();
    this.file = part.describe(store.displayName(info.path()));
    if (!HadoopCheck.PRESENT) {
      throw hadoopMissing(null);
    }
    try {
      this.input = store.openRandomAccess(info.path());
    } catch (IOException e) {
      throw FileErrors.storeError(file, "open the file", e);
    }
    this.inputFile = new StoreInputFile(input);
    try {
      ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
          .withCodecFactory(HadoopFreeCodecFactory.INSTANCE)
          .build();
      this.reader = ParquetFileReader.open(inputFile, options);
      this.fileSchema = ParquetTypeMapping.fromParquet(reader.getFileMetaData().getSchema(),
          reader.getFileMetaData().getKeyValueMetaData(), file);
      if (!part.isWhole()) {
        List<org.apache.parquet.hadoop.metadata.BlockMetaData> blocks = reader.getRowGroups();
        this.groups = java.util.stream.IntStream.range(0, blocks.size())
            .filter(i -> blocks.get(i).getStartingPos() >= part.start() && blocks.get(i).getStartingPos() < part.end())
            .toArray();
      }
    } catch (Exception | LinkageError e) {
      closeInput();
      throw failure(e);
    }
  }

  /** The file's columns, from its footer. */
  Schema fileSchema() {
    return fileSchema;
  }

  /**
   * Chooses the columns batches hold, each a column of the file. Flat columns are decoded column by column;
   * nested ones (LIST, MAP, STRUCT, read as JSON) are assembled record by record and turned into JSON text.
   */
  void project(Schema wanted, int batchRows) {
    this.columns = wanted;
    MessageType all = reader.getFileMetaData().getSchema();
    Types.MessageTypeBuilder b = Types.buildMessage();
    Types.MessageTypeBuilder flat = Types.buildMessage();
    Types.MessageTypeBuilder nested = Types.buildMessage();
    List<Integer> flatOut = new ArrayList<>();
    List<Integer> nestedOut = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String name = wanted.field(i).name();
      if (!all.containsField(name)) {
        throw FileErrors.schemaMismatch(file, "the file has no column '" + name + "'; it has " + fileSchema.names());
      }
      Type t = all.getType(name);
      b.addField(t);
      if (ParquetTypeMapping.isNested(t)) {
        nested.addField(t);
        nestedOut.add(i);
      } else {
        flat.addField(t);
        flatOut.add(i);
      }
    }
    this.requested = b.named(all.getName());
    reader.setRequestedSchema(requested);
    this.flatSchema = flatOut.isEmpty() ? null : flat.named(all.getName());
    this.flatOut = flatOut.stream().mapToInt(Integer::intValue).toArray();
    this.nestedSchema = nestedOut.isEmpty() ? null : nested.named(all.getName());
    this.nestedOut = nestedOut.stream().mapToInt(Integer::intValue).toArray();
    List<ColumnDescriptor> cols = flatSchema == null ? List.of() : flatSchema.getColumns();
    this.descriptors = cols.toArray(new ColumnDescriptor[0]);
    this.decoders = new ColumnDecoders.Decoder[descriptors.length];
    for (int i = 0; i < descriptors.length; i++) {
      decoders[i] = ColumnDecoders.forColumn(descriptors[i].getPrimitiveType(), wanted.field(this.flatOut[i]).type());
    }
    this.columnReaders = new ColumnReader[descriptors.length];
    this.sizer = new BatchSizer(batchRows);
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, sizer.maxRows());
    int rows = 0;
    try {
      while (rows < sizer.maxRows()) {
        if (rowsLeftInGroup == 0 && !nextRowGroup()) {
          done = true;
          break;
        }
        int n = (int) Math.min(Math.min(CHUNK, sizer.maxRows() - rows), rowsLeftInGroup);
        for (int c = 0; c < descriptors.length; c++) {
          fill(columnReaders[c], descriptors[c].getMaxDefinitionLevel(), decoders[c], batch.column(flatOut[c]),
              rows, n);
        }
        if (records != null) {
          fillNested(batch, rows, n);
        }
        rows += n;
        rowsLeftInGroup -= n;
        batch.setRowCount(rows);
        if (batch.estimatedBytes() >= RecordBatch.DEFAULT_MAX_BYTES) {
          break;
        }
      }
    } catch (CopyJobException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw failure(e);
    }
    if (rows == 0) {
      return null;
    }
    batch.setRowCount(rows);
    return batch;
  }

  private static void fill(ColumnReader in, int maxDefinition, ColumnDecoders.Decoder decoder, ColumnVector out,
      int from, int count) {
    for (int r = from; r < from + count; r++) {
      if (in.getCurrentDefinitionLevel() == maxDefinition) {
        decoder.decode(in, out, r);
      } else {
        out.setNull(r);
      }
      in.consume();
    }
  }

  private void fillNested(RecordBatch batch, int from, int count) {
    for (int r = from; r < from + count; r++) {
      Group record = records.read();
      for (int j = 0; j < nestedOut.length; j++) {
        ObjectVector out = batch.objects(nestedOut[j]);
        boolean present = nestedSchema.getType(j).isRepetition(Type.Repetition.REPEATED)
            || record.getFieldRepetitionCount(j) > 0;
        if (present) {
          out.set(r, ParquetJson.field(record, j));
        } else {
          out.setNull(r);
        }
      }
    }
  }

  private boolean nextRowGroup() throws IOException {
    PageReadStore pages;
    if (groups == null) {
      pages = reader.readNextRowGroup();
    } else {
      pages = nextGroup < groups.length ? reader.readRowGroup(groups[nextGroup++]) : null;
    }
    if (pages == null) {
      return false;
    }
    if (flatSchema != null) {
      ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoConverter(flatSchema.getFieldCount()),
          flatSchema, reader.getFileMetaData().getCreatedBy());
      for (int c = 0; c < descriptors.length; c++) {
        columnReaders[c] = store.getColumnReader(descriptors[c]);
      }
    }
    if (nestedSchema != null) {
      records = new ColumnIOFactory(reader.getFileMetaData().getCreatedBy()).getColumnIO(nestedSchema)
          .getRecordReader(pages, new GroupRecordConverter(nestedSchema));
    }
    rowsLeftInGroup = pages.getRowCount();
    return true;
  }

  private CopyJobException failure(Throwable e) {
    if (e instanceof CopyJobException c) {
      return c;
    }
    if (e instanceof LinkageError && String.valueOf(e.getMessage()).contains("hadoop")) {
      return hadoopMissing(e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StoreInputFile.StoreException s) {
        return FileErrors.storeError(file, "read the file", (IOException) s.getCause());
      }
    }
    return FileErrors.badInput(file, 0, "not a readable Parquet file (corrupt or truncated): " + e, e);
  }

  private CopyJobException hadoopMissing(Throwable cause) {
    return CopyJobException.builder(ErrorCode.INVALID_JOB, "reading Parquet needs "
        + HadoopCheck.ARTIFACT + " on the class path, because parquet-java's reader still loads Hadoop "
        + "classes (parquet-java #2556); add it to your dependencies. Writing Parquet does not need it.")
        .location("file " + file).cause(cause).build();
  }

  /** Whether Hadoop's client API is on the class path; looked up once. */
  private static final class HadoopCheck {
    /** The artifact to add, at the version copyjob is tested with. */
    static final String ARTIFACT = "org.apache.hadoop:hadoop-client-api:3.5.0";
    static final boolean PRESENT = present();

    private static boolean present() {
      try {
        Class.forName("org.apache.hadoop.conf.Configuration", false, ParquetBatchReader.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }

  @Override
  public long bytesRead() {
    return inputFile.bytesRead();
  }

  @Override
  public void close() {
    try {
      if (reader != null) {
        reader.close();
      }
    } catch (IOException | RuntimeException e) {
      // Read-only: nothing to lose.
    }
    closeInput();
  }

  private void closeInput() {
    try {
      input.close();
    } catch (IOException e) {
      // Read-only: nothing to lose.
    }
  }

  /**
   * The converter tree Parquet's column store insists on; values are taken from the column readers directly,
   * so it never receives anything.
   */
  private static final class NoConverter extends GroupConverter {
    private final Converter[] children;

    NoConverter(int fields) {
      children = new Converter[fields];
      for (int i = 0; i < fields; i++) {
        children[i] = new PrimitiveConverter() {
        };
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
  }
}
