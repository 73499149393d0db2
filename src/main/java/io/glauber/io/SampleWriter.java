package io.glauber.io;

/**
 * A sample file being written one row at a time (rows are samples, columns are units). Nothing
 * appears at the target path until {@link #close()}, which moves the finished file into place;
 * {@link #abort()} discards it instead. Created by {@link SampleFiles#open}; {@link SampleFiles#stream}
 * closes or aborts it for the caller.
 */
public interface SampleWriter extends AutoCloseable {

    /** Code that writes rows to a sample writer, for {@link SampleFiles#stream}. */
    @FunctionalInterface
    interface Rows {
        /** Writes every row to {@code writer}. */
        void writeTo(SampleWriter writer) throws Exception;
    }

    /** Appends one sample; its length must equal the number of units given at open. */
    void write(int[] row);

    /** Number of rows written so far. */
    long rows();

    /** Discards everything written; a later {@link #close()} does nothing. */
    void abort();

    /** Finishes the file and renames it onto the target. */
    @Override
    void close();
}
