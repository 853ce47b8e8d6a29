package vn.memberstat.job;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.memberstat.run.MemberstatProperties;

/**
 * The job repository's data source: the H2 file in the home unless {@code memberstat.job-repository-url} names a
 * PostgreSQL database. The warehouse is never here: DuckDB has a connection of its own.
 */
@Configuration
@EnableConfigurationProperties({JobRepositorySettings.class, MemberstatProperties.class})
public class JobRepositoryDataSource {
    /** A command holds a connection or two at a time; a shared server should not see ten idle ones per process. */
    private static final int POOL_SIZE = 4;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(JobRepositorySettings settings, MemberstatProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("jobrepo");
        ds.setMaximumPoolSize(POOL_SIZE);
        if (settings.external()) {
            ds.setJdbcUrl(settings.jobRepositoryUrl().strip());
            ds.setUsername(settings.jobRepositoryUser().isBlank() ? null : settings.jobRepositoryUser());
            ds.setPassword(settings.jobRepositoryPassword().isBlank() ? null : settings.jobRepositoryPassword());
        } else {
            ds.setJdbcUrl(JobRepositorySchema.url(properties.home()));
            ds.setUsername("sa");
            ds.setPassword("");
        }
        return ds;
    }
}
