package vn.memberstat.normalise;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import vn.memberstat.run.PulledFile;

/**
 * A file that vanished or changed after the pull step listed it is left for a later run (a restart
 * may come days later): taking it now would record a hash its rows do not match.
 */
final class ChangedSincePull {
    private ChangedSincePull() {}

    /** True when {@code f} is to be left for a later run; the note that says so goes to {@code notes}. */
    static boolean test(PulledFile f, Consumer<String> notes) {
        if (f.refused() && f.charset() == null) {
            return false; // refused unread (a link out of the inbox, a file too large): nothing to read now
        }
        try {
            if (Files.size(f.path()) == f.sizeBytes() && Files.getLastModifiedTime(f.path()).toInstant().equals(f.modifiedAt())) {
                return false;
            }
            notes.accept(leftNote(f, "changed"));
        } catch (IOException e) {
            notes.accept(leftNote(f, "vanished"));
        }
        return true;
    }

    /** The run's note on a file left for a later run because it {@code how} ("changed", "vanished") after the pull. */
    static String leftNote(PulledFile f, String how) {
        return "left " + f.relativePath() + " for a later run: it " + how + " after it was pulled";
    }
}
