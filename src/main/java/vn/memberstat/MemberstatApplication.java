package vn.memberstat;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.memberstat.cli.Cli;

/** memberstat: nightly ETL of party member development statistics into a DuckDB warehouse. */
@SpringBootApplication
public class MemberstatApplication {
    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err, System.in);
        System.exit(code);
    }
}
