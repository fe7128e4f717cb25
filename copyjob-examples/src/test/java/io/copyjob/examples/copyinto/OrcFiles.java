package io.copyjob.examples.copyinto;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

/** ORC files of {@code struct<id:bigint,name:string,amount:decimal(12,2)>} written by orc-core, for the ITs. */
final class OrcFiles {
  static final TypeDescription SCHEMA = TypeDescription.fromString("struct<id:bigint,name:string,amount:decimal(12,2)>");

  private OrcFiles() {
  }

  /** The bytes of an ORC file compressed with {@code codec} holding {@code rows} of (id, name, amount). */
  static byte[] of(CompressionKind codec, Object[]... rows) throws IOException {
    Path file = Files.createTempFile("copyinto", ".orc");
    Files.delete(file);
    Configuration conf = new Configuration();
    FileSystem local = FileSystem.getLocal(conf).getRawFileSystem();
    try (Writer w = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
        OrcFile.writerOptions(conf).fileSystem(local).setSchema(SCHEMA).compress(codec))) {
      VectorizedRowBatch batch = SCHEMA.createRowBatch();
      for (Object[] row : rows) {
        int r = batch.size++;
        ((LongColumnVector) batch.cols[0]).vector[r] = (Long) row[0];
        ((BytesColumnVector) batch.cols[1]).setVal(r, ((String) row[1]).getBytes(StandardCharsets.UTF_8));
        ((DecimalColumnVector) batch.cols[2]).set(r, HiveDecimal.create((BigDecimal) row[2]));
      }
      w.addRowBatch(batch);
    }
    try {
      return Files.readAllBytes(file);
    } finally {
      Files.delete(file);
    }
  }
}
