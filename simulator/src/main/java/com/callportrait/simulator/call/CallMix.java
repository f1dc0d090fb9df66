package com.callportrait.simulator.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The call mixes of the demo and {@code simulate}. Stateless. */
public final class CallMix {
    private CallMix() {
    }

    /**
     * {@code n} calls: moods in turn (calm, angry, escalating), the known callers in turn with
     * every seventh number withheld, the survey answered 1..5 in turn when {@code survey}.
     */
    public static List<SimCall> of(List<Caller> callers, int n, Duration wait, Duration gap, boolean survey) {
        List<SimCall> calls = new ArrayList<>();
        Mood[] moods = Mood.values();
        for (int i = 0; i < n; i++) {
            Mood m = moods[i % moods.length];
            Caller c = !callers.isEmpty() && i % 7 != 6 ? callers.get(i % callers.size()) : Caller.withheld();
            calls.add(new SimCall(c.phone(), c.name(), m, wait, gap, survey ? Integer.toString(1 + i % 5) : ""));
        }
        return calls;
    }
}
