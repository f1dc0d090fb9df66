package com.callportrait.bench.portrait;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Every garbage collection of this JVM while open, with its time on the {@link System#nanoTime()}
 * scale, so a benchmark can say which slow requests overlapped one. Pause-free concurrent cycles
 * (G1's "G1 Concurrent GC", ZGC's cycles) are recorded apart ({@link Gc#concurrent()}). The JVM
 * reports start and end in milliseconds since its start, on a base that differs from
 * {@link System#nanoTime()}'s by tens of milliseconds; the offset is taken from the notifications
 * themselves (each arrives just after its collection ended: the smallest gap is the offset), so
 * times are exact to about a millisecond.
 * Thread-safe; close once.
 */
public final class GcPauses implements AutoCloseable {
    /**
     * One collection.
     *
     * @param startNanos when it started ({@link System#nanoTime()} scale)
     * @param endNanos   when it ended
     * @param name       the collector ("G1 Young Generation", ...)
     * @param cause      why it ran
     * @param concurrent whether it ran beside the application (no pause)
     */
    public record Gc(long startNanos, long endNanos, String name, String cause, boolean concurrent) {
        public double millis() {
            return (endNanos - startNanos) / 1e6;
        }

        /** Whether this pause overlaps [{@code from}, {@code to}]. */
        public boolean overlaps(long from, long to) {
            return !concurrent && startNanos <= to && endNanos >= from;
        }
    }

    /** Per collection: start ms, end ms (JVM's base), arrival nanos, concurrent (1/0). */
    private final List<long[]> raw = new ArrayList<>();
    private final List<String[]> names = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, h) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        long arrived = System.nanoTime();
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        boolean concurrent = info.getGcName().contains("Concurrent") || info.getGcName().startsWith("ZGC")
                && info.getGcName().contains("Cycles");
        synchronized (this) {
            raw.add(new long[] {info.getGcInfo().getStartTime(), info.getGcInfo().getEndTime(), arrived,
                    concurrent ? 1 : 0});
            names.add(new String[] {info.getGcName(), info.getGcCause()});
        }
    };

    private GcPauses() {
    }

    /** Every collection so far on the {@link System#nanoTime()} scale. */
    private synchronized List<Gc> all() {
        long offset = Long.MAX_VALUE;
        for (long[] r : raw) {
            offset = Math.min(offset, r[2] - r[1] * 1_000_000L);
        }
        List<Gc> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            long[] r = raw.get(i);
            out.add(new Gc(offset + r[0] * 1_000_000L, offset + r[1] * 1_000_000L, names.get(i)[0], names.get(i)[1],
                    r[3] == 1));
        }
        return out;
    }

    /** Starts recording. */
    public static GcPauses start() {
        GcPauses p = new GcPauses();
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(p.listener, null, null);
                p.emitters.add(e);
            }
        }
        return p;
    }

    /** The pauses (not concurrent cycles) that overlap [{@code from}, {@code to}]. */
    public List<Gc> pausesBetween(long from, long to) {
        List<Gc> out = new ArrayList<>();
        for (Gc g : all()) {
            if (g.overlaps(from, to)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Whether any pause overlaps [{@code from}, {@code to}]. */
    public boolean pausedDuring(long from, long to) {
        return !pausesBetween(from, to).isEmpty();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
