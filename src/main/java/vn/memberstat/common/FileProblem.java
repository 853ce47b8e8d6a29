package vn.memberstat.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a path could not be created or written, in words: java.nio's exceptions carry only the path as their message
 * ("cannot create home /proc/nope: /proc/nope"), the cause is in their type or their reason.
 */
public final class FileProblem {
    private FileProblem() {}

    public static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            String reason = f.getReason().strip();
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
