package com.callportrait.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --line-noise} option shared by the speech benchmarks. Stateless. */
final class LineNoise {
    private LineNoise() {
    }

    /** The level, or NaN when not given; a level outside [-90, -20] dBFS is refused. */
    static double check(CommandSpec spec, Double dbfs) {
        if (dbfs == null) {
            return Double.NaN;
        }
        if (!(dbfs >= -90 && dbfs <= -20)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--line-noise must be in [-90, -20] dBFS, was "
                    + dbfs);
        }
        return dbfs;
    }
}
