package vn.memberstat.lake;

import vn.memberstat.run.RunContext;
import vn.memberstat.run.ValueLake;

/** The lake of Parquet files under {@code <home>/lake/values}, as normalise writes into it. */
public final class ParquetLake implements ValueLake {
    @Override
    public void discard(RunContext run) {
        LakeWriter.discard(run.lakeValues(), run.runId());
    }

    @Override
    public Writer open(RunContext run) {
        return new LakeWriter(run.lakeValues(), run.runId());
    }
}
