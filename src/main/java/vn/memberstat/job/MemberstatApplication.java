package vn.memberstat.job;

import java.util.Arrays;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring application behind every command that opens a home: the job repository and the nightly job. */
@SpringBootApplication
public class MemberstatApplication {

    /**
     * The job repository reads its database's metadata when it is created, and any bean that needs it may come
     * first: the schema check, which names a server that does not answer, is made to come before it.
     */
    @Bean
    static BeanFactoryPostProcessor jobRepositoryAfterItsSchema() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(JobRepository.class, true, false)) {
                BeanDefinition definition = factory.getBeanDefinition(name);
                String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = "jobRepositorySchema";
                definition.setDependsOn(after);
            }
        };
    }
}
