package vn.memberstat.run;

/**
 * A stage's work done but not yet counted: a transaction, files under temporary names. Closing it without
 * {@link #commit()} leaves what a failed attempt leaves, for the restart to find.
 */
public interface Uncommitted extends AutoCloseable {
    /** Work that is committed as it goes, or has nothing to commit. */
    Uncommitted NOTHING = () -> { };

    void commit() throws Exception;

    @Override
    default void close() throws Exception {}
}
