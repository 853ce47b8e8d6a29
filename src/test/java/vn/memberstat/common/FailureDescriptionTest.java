package vn.memberstat.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureDescriptionTest {

    @Test
    void outOfMemoryDeepInACauseChainSaysSoAndWhatToDo() {
        // as a ForkJoinPool rethrows a worker's error: wrapped, and without a message at the top
        Throwable failure = new CompletionException(null, new OutOfMemoryError(null));

        String described = MemberstatException.describe(failure);

        assertThat(described).startsWith("the run ran out of Java heap (OutOfMemoryError, maximum ")
                .contains("MEMBERSTAT_JAVA_OPTS=\"-Xmx2g").doesNotContain("null");
    }

    @Test
    void gcOverheadKeepsItsOwnWords() {
        assertThat(MemberstatException.describe(new RuntimeException("wrapped", new OutOfMemoryError("GC overhead limit exceeded"))))
                .startsWith("the run ran out of Java heap (GC overhead limit exceeded, maximum ");
    }

    @Test
    void aMessageIsKeptAsItIs() {
        assertThat(MemberstatException.describe(new MemberstatException(ErrorCode.STORAGE, "cannot read etl_run: gone")))
                .isEqualTo("cannot read etl_run: gone");
    }

    @Test
    void withoutAMessageTheKindAndTheFirstMessageBelow() {
        Throwable failure = new IllegalStateException(null, new java.io.IOException("No space left on device"));
        assertThat(MemberstatException.describe(failure)).isEqualTo("IllegalStateException: No space left on device");
        assertThat(MemberstatException.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
