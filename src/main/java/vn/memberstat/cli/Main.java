package vn.memberstat.cli;

/** memberstat: nightly ETL of party member development statistics into a DuckDB warehouse. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err, System.in);
        System.exit(code);
    }
}
