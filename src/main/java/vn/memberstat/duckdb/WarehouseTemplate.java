package vn.memberstat.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A migrated, empty warehouse file that a new warehouse starts as, instead of running every migration: a first
 * night (and every rebuild) otherwise waits a second or more for some fifty migrations. The application's own
 * preparation writes it ({@code bin/prepare-app}); Flyway still checks the copy and applies whatever it lacks, so a
 * template older than the migrations only costs their time. Absent, it is written by the next warehouse that is
 * migrated from nothing.
 */
record WarehouseTemplate(Path file) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarehouseTemplate.class);

    /** Copies the template to {@code target}; false when there is none to copy. */
    boolean copyTo(Path target) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /**
     * Keeps {@code migrated}, a warehouse just migrated and closed, as the template: copied beside it under a
     * name of this process and renamed into place, so a run reading the template never sees half of it. A failure
     * is only logged: the next new warehouse migrates from nothing again.
     */
    void keep(Path migrated) {
        if (Files.exists(migrated.resolveSibling(migrated.getFileName() + ".wal"))) {
            return;   // not all in the file: a copy of it alone would lack the rest
        }
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(migrated, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("warehouse: cannot keep {} as the template for new warehouses: {}", file, e.getMessage());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temporary file beside the template; the next keep replaces it
            }
        }
    }
}
