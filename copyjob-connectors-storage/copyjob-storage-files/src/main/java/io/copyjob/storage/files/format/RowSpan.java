package io.copyjob.storage.files.format;

/**
 * Where the rows a byte-range reader read begin and end in the file: {@code first} is the offset of its first
 * row (the first row start at or after the range start), {@code next} the offset of the first row it did not
 * read (the first row start at or after the range end, or the file size). Consecutive ranges read every row
 * exactly once when each range's {@code first} equals the previous range's {@code next}.
 *
 * @param first offset of the first row read
 * @param next  offset of the first row after the range
 */
public record RowSpan(long first, long next) {
}
