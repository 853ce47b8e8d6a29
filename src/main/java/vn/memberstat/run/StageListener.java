package vn.memberstat.run;

/** Told when a stage has done its work and is about to commit it: where restart and crash drills strike. */
public interface StageListener {
    void beforeCommit(Stage stage);
}
