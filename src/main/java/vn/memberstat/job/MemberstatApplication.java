package vn.memberstat.job;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application behind every command that opens a home: the job repository and the nightly job. */
@SpringBootApplication
public class MemberstatApplication {}
