package com.callportrait.speech.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The speech of both parties of one call on the call's time line (seconds from the start of the
 * caller's audio), and the figures it gives over a window: the connected part of the call, from
 * the agent's leg starting to the first leg ending. Speech is taken from word timings: a pause
 * shorter than the gap is bridged (a word boundary or a breath is not silence), a longer one is a
 * pause. Talk-over is the time both spoke, silence the time neither did.
 *
 * <p>Not thread-safe: one call's timeline is guarded by its owner. Memory grows with the words of
 * the call (two doubles per word, bridged runs merged as they come).
 */
public final class TalkTimeline {
    private final double gapSec;
    private final List<double[]> caller = new ArrayList<>();
    private final List<double[]> agent = new ArrayList<>();

    /** @param gapSec pauses up to this long between words count as speech */
    public TalkTimeline(double gapSec) {
        if (!(gapSec >= 0)) {
            throw new IllegalArgumentException("gap must be >= 0, was " + gapSec);
        }
        this.gapSec = gapSec;
    }

    /** The caller spoke from {@code startSec} to {@code endSec}. */
    public void caller(double startSec, double endSec) {
        add(caller, startSec, endSec);
    }

    /** The agent spoke from {@code startSec} to {@code endSec}. */
    public void agent(double startSec, double endSec) {
        add(agent, startSec, endSec);
    }

    private void add(List<double[]> runs, double start, double end) {
        if (!(end >= start) || !(start >= 0)) {
            throw new IllegalArgumentException("need 0 <= start <= end, was " + start + ".." + end);
        }
        double[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        // Words come in order within a leg: merging with the last run keeps the list short.
        if (last != null && start >= last[0] && start - last[1] <= gapSec) {
            last[1] = Math.max(last[1], end);
        } else {
            runs.add(new double[] {start, end});
        }
    }

    /** The figures over {@code [fromSec, toSec]} (an empty window gives {@link TalkFigures#NONE}). */
    public TalkFigures figures(double fromSec, double toSec) {
        if (!(toSec > fromSec)) {
            return TalkFigures.NONE;
        }
        List<double[]> c = clip(merged(caller), fromSec, toSec);
        List<double[]> a = clip(merged(agent), fromSec, toSec);
        double callerTalk = length(c);
        double agentTalk = length(a);
        double over = overlap(c, a);
        double connected = toSec - fromSec;
        double silence = Math.max(0, connected - (callerTalk + agentTalk - over));
        return new TalkFigures(connected, callerTalk, agentTalk, over, silence);
    }

    private List<double[]> merged(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs.size());
        for (double[] r : runs) {
            sorted.add(r.clone());
        }
        sorted.sort(Comparator.comparingDouble(r -> r[0]));
        List<double[]> out = new ArrayList<>(sorted.size());
        for (double[] r : sorted) {
            double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] - last[1] <= gapSec) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static List<double[]> clip(List<double[]> runs, double from, double to) {
        List<double[]> out = new ArrayList<>(runs.size());
        for (double[] r : runs) {
            double s = Math.max(r[0], from);
            double e = Math.min(r[1], to);
            if (e > s) {
                out.add(new double[] {s, e});
            }
        }
        return out;
    }

    private static double length(List<double[]> runs) {
        double sum = 0;
        for (double[] r : runs) {
            sum += r[1] - r[0];
        }
        return sum;
    }

    /** Both lists sorted and disjoint within themselves: a two-pointer sweep. */
    private static double overlap(List<double[]> x, List<double[]> y) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            double[] a = x.get(i);
            double[] b = y.get(j);
            double s = Math.max(a[0], b[0]);
            double e = Math.min(a[1], b[1]);
            if (e > s) {
                sum += e - s;
            }
            if (a[1] < b[1]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
