package vn.memberstat.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * Creates Spring Batch's tables in the job repository the first time (the home's H2 file, or a PostgreSQL
 * database or schema), and leaves an existing repository alone (the shipped scripts have no "if not exists").
 */
@Component
public class JobRepositorySchema implements InitializingBean {
    private final DataSource dataSource;
    private final JobRepositorySettings settings;

    /**
     * The repository of a home. AUTO_SERVER lets status read it while a run holds it. WRITE_DELAY=0 writes
     * each commit to the file at once: by default H2 holds the last second of commits in memory, and a
     * killed run lost the record of steps it had finished (and the counts they kept).
     */
    public static String url(Path home) {
        return "jdbc:h2:file:" + home.resolve("jobrepo").resolve("batch") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public JobRepositorySchema(DataSource dataSource, JobRepositorySettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = connection()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            boolean postgres = product.contains("postgres");
            String schema = c.getSchema();
            if (postgres && schema == null) {   // currentSchema names one that does not exist: nowhere to create the tables
                throw new MemberstatException(ErrorCode.USAGE, "the job repository " + shownUrl()
                        + " has no schema to use: create the schema named by currentSchema, or leave it out for public");
            }
            String table = meta.storesLowerCaseIdentifiers() ? "batch_job_instance" : "BATCH_JOB_INSTANCE";
            try (ResultSet tables = meta.getTables(null, schema, table, null)) {
                if (tables.next()) {
                    return;
                }
            }
            create(c, postgres);
        }
    }

    /** The first connection: a server that does not answer is named. */
    private Connection connection() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (!settings.external()) {
                throw e;   // the home's own file: H2's message names it
            }
            throw new MemberstatException(ErrorCode.STORAGE, "cannot connect to the job repository " + shownUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its parameters, which may hold a password. */
    private String shownUrl() {
        String url = settings.jobRepositoryUrl().strip();
        return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    }

    private static void create(Connection c, boolean postgres) throws SQLException {
        // in one transaction: PostgreSQL's DDL is transactional, so a start that dies half-way leaves no half schema
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ScriptUtils.executeSqlScript(c, new EncodedResource(new ClassPathResource(
                    "org/springframework/batch/core/schema-" + (postgres ? "postgresql" : "h2") + ".sql")));
            c.commit();
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
