package com.callportrait.portrait.insights;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index of two labelings of the same items (Hubert and Arabie 1985): 1 for the
 * same partition up to renaming, about 0 for chance agreement. Stateless and thread-safe.
 */
public final class Agreement {
    private Agreement() {
    }

    public static double adjustedRand(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labelings differ in length: " + a.length + " vs " + b.length);
        }
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            joint.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = joint.values().stream().mapToDouble(Agreement::pairs).sum();
        double sa = rows.values().stream().mapToDouble(Agreement::pairs).sum();
        double sb = cols.values().stream().mapToDouble(Agreement::pairs).sum();
        double expected = sa * sb / pairs(a.length);
        double max = (sa + sb) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
