package vn.memberstat.job;

import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageListener;

/**
 * Makes a run fail or die at a chosen stage, so restart and crash safety can be tested end to end:
 * {@code memberstat.fail-at=load} throws once the load has done its work and before it commits;
 * {@code memberstat.crash-at=load} halts the JVM there with exit code 137, as kill -9 would.
 * Registered only when one of the two is set.
 */
public final class FaultInjector implements StageListener {
    public static final int CRASH_EXIT_CODE = 137;
    private final MemberstatProperties properties;

    public FaultInjector(MemberstatProperties properties) {
        this.properties = properties;
    }

    /** True when a drill is asked for. */
    public static boolean wanted(MemberstatProperties properties) {
        return !properties.crashAt().isEmpty() || !properties.failAt().isEmpty();
    }

    @Override
    public void beforeCommit(Stage stage) {
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
