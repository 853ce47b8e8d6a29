package vn.memberstat.job;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job repository (Spring Batch's record of runs and steps, what restart and {@code status} read) lives.
 * Empty URL: an H2 file in the home, the default. A PostgreSQL URL: a database (or a schema of one, with
 * {@code ?currentSchema=NAME}) on a shared server, one per home.
 *
 * @param jobRepositoryUrl a {@code jdbc:postgresql:} URL, or empty for the home's own file
 * @param jobRepositoryUser the database user (PostgreSQL)
 * @param jobRepositoryPassword that user's password; also read from ~/.pgpass by the driver when empty
 */
@ConfigurationProperties("memberstat")
public record JobRepositorySettings(
        @DefaultValue("") String jobRepositoryUrl,
        @DefaultValue("") String jobRepositoryUser,
        @DefaultValue("") String jobRepositoryPassword) {
    public static final String POSTGRESQL = "jdbc:postgresql:";

    /** Anything but PostgreSQL is refused before the run starts: Spring Batch's scripts and this code know only it and H2. */
    public JobRepositorySettings {
        if (!jobRepositoryUrl.isBlank() && !jobRepositoryUrl.strip().toLowerCase(Locale.ROOT).startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException(("memberstat.job-repository-url is '%s': give a PostgreSQL URL "
                    + "(jdbc:postgresql://HOST:5432/DATABASE), or leave it empty for the H2 file in the home").formatted(jobRepositoryUrl));
        }
    }

    public boolean external() {
        return !jobRepositoryUrl.isBlank();
    }
}
