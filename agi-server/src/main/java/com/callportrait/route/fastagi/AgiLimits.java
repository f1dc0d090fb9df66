package com.callportrait.route.fastagi;

/**
 * Bounds on what one peer may send. Asterisk 22 itself writes environment lines of a few dozen
 * bytes and at most 128 {@code agi_arg_N}; anything far beyond is not Asterisk. Immutable and
 * thread-safe.
 *
 * @param maxLineBytes        longest line accepted, without its LF
 * @param maxEnvironmentBytes largest environment block
 * @param maxEnvironmentLines most environment lines
 * @param maxUsageLines       most lines of one {@code 520-} usage reply
 */
public record AgiLimits(int maxLineBytes, int maxEnvironmentBytes, int maxEnvironmentLines, int maxUsageLines) {

    /** 8 KiB lines (Asterisk's own command limit), 64 KiB / 256 lines of environment, 200 usage lines. */
    public static final AgiLimits DEFAULT = new AgiLimits(8 * 1024, 64 * 1024, 256, 200);

    public AgiLimits {
        if (maxLineBytes < 64 || maxEnvironmentBytes < maxLineBytes || maxEnvironmentLines < 1 || maxUsageLines < 1) {
            throw new IllegalArgumentException("AGI limits too small: " + maxLineBytes + "/" + maxEnvironmentBytes
                    + "/" + maxEnvironmentLines + "/" + maxUsageLines);
        }
    }
}
