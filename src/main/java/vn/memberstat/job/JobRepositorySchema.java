package vn.memberstat.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's tables in the embedded H2 job repository the first time, and leaves an
 * existing repository alone (the shipped script has no "if not exists").
 */
@Component
public class JobRepositorySchema implements InitializingBean {
    private final DataSource dataSource;

    /**
     * The repository of a home. AUTO_SERVER lets status read it while a run holds it. WRITE_DELAY=0 writes
     * each commit to the file at once: by default H2 holds the last second of commits in memory, and a
     * killed run lost the record of steps it had finished (and the counts they kept).
     */
    public static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("jobrepo").resolve("batch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public JobRepositorySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (tables.next()) {
                return;
            }
        }
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(dataSource);
    }
}
