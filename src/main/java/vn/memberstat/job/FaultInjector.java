package vn.memberstat.job;

import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.Stage;

/**
 * Makes a run fail or die at a chosen stage, so restart and crash safety can be tested end to end:
 * {@code memberstat.fail-at=load} throws inside the load step; {@code memberstat.crash-at=load}
 * halts the JVM there with exit code 137, as kill -9 would.
 */
public final class FaultInjector {
    public static final int CRASH_EXIT_CODE = 137;
    private final MemberstatProperties properties;

    public FaultInjector(MemberstatProperties properties) {
        this.properties = properties;
    }

    /** Called in the middle of a stage's work, after it has written something and before it has finished. */
    public void at(Stage stage) {
        if (stage.stepName().equalsIgnoreCase(properties.crashAt())) {
            System.err.println("memberstat: crashing at stage " + stage.stepName() + " (memberstat.crash-at)");
            System.err.flush();
            Runtime.getRuntime().halt(CRASH_EXIT_CODE);
        }
        if (stage.stepName().equalsIgnoreCase(properties.failAt())) {
            throw new MemberstatException(ErrorCode.RUN_FAILED,
                    "failure injected at stage " + stage.stepName() + " (memberstat.fail-at)");
        }
    }
}
