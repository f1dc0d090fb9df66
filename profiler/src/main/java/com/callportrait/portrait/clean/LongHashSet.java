package com.callportrait.portrait.clean;

/**
 * An open-addressing set of 64-bit hashes: about 16 bytes per id instead of the ~80 a
 * {@code HashSet<String>} spends, which is what keeps de-duplication of millions of source ids
 * inside a bounded heap. Not thread-safe.
 */
final class LongHashSet {
    private long[] table = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds the value; returns {@code false} when it was already present. */
    boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (mix(v) & mask);
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = (int) (mix(v) & mask);
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return z ^ (z >>> 33);
    }

    /** A 64-bit FNV-1a hash of a kind and an id, the key de-duplication keeps. */
    static long hash(char kind, String id) {
        long h = 0xcbf29ce484222325L ^ kind;
        h *= 0x100000001b3L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
