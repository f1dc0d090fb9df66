package com.callportrait.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one hostile input from a seed corpus: random bytes, the recorded bytes truncated,
 * bit-flipped, with bytes replaced by interesting values or dictionary tokens, ranges deleted or
 * repeated (to cross every size limit), two recordings spliced, plus a protocol-aware
 * {@link Structural} mutation (length-field lies, huge lengths, over-long lines). One to four
 * mutations are stacked per case. Everything comes from the given {@link SplittableRandom}, so a
 * case is reproduced from its seed alone. Immutable and thread-safe (the random is the caller's).
 */
final class Mutator {

    /** A protocol-aware rewrite of a whole input (may return the input unchanged). */
    @FunctionalInterface
    interface Structural {
        byte[] mutate(byte[] input, SplittableRandom r);
    }

    private static final byte[] INTERESTING = {0, 1, 2, 3, 0x0a, 0x0d, 0x10, 0x11, 0x18, 0x19, 0x20, 0x3a,
            0x7f, (byte) 0x80, (byte) 0xc3, (byte) 0xfe, (byte) 0xff};

    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;
    private final Structural structural;
    private final int maxRandomLength;

    Mutator(List<byte[]> seeds, List<String> dictionary, Structural structural, int maxRandomLength) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed");
        }
        this.seeds = List.copyOf(seeds);
        this.dictionary = dictionary.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();
        this.structural = structural;
        this.maxRandomLength = maxRandomLength;
    }

    byte[] next(SplittableRandom r) {
        int pick = r.nextInt(20);
        if (pick == 0) {
            return randomBytes(r, r.nextInt(maxRandomLength + 1));
        }
        byte[] data = seeds.get(r.nextInt(seeds.size()));
        if (pick == 1) {
            return data.clone();
        }
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = mutateOnce(data, r);
        }
        return data;
    }

    private byte[] mutateOnce(byte[] in, SplittableRandom r) {
        switch (r.nextInt(11)) {
            case 0:
                return in.length == 0 ? in : java.util.Arrays.copyOf(in, r.nextInt(in.length));
            case 1: {
                byte[] out = in.clone();
                for (int i = 0, n = 1 + r.nextInt(8); i < n && out.length > 0; i++) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return out;
            }
            case 2: {
                byte[] out = in.clone();
                for (int i = 0, n = 1 + r.nextInt(4); i < n && out.length > 0; i++) {
                    out[r.nextInt(out.length)] = INTERESTING[r.nextInt(INTERESTING.length)];
                }
                return out;
            }
            case 3:
                return insert(in, dictionary.get(r.nextInt(dictionary.size())), r);
            case 4:
                return insert(in, randomBytes(r, 1 + r.nextInt(64)), r);
            case 5: {
                if (in.length == 0) {
                    return in;
                }
                int from = r.nextInt(in.length);
                int to = from + r.nextInt(Math.min(in.length - from, 256) + 1);
                return concat(slice(in, 0, from), slice(in, to, in.length));
            }
            case 6: {
                // Repeat a range many times: crosses line, frame, header-count and block limits.
                if (in.length == 0) {
                    return in;
                }
                int from = r.nextInt(in.length);
                int to = Math.min(in.length, from + 1 + r.nextInt(64));
                byte[] piece = slice(in, from, to);
                int times = r.nextInt(4) == 0 ? (2000 + r.nextInt(20000)) / piece.length : 2 + r.nextInt(16);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(in, 0, to);
                for (int i = 0; i < times; i++) {
                    b.writeBytes(piece);
                }
                b.write(in, to, in.length - to);
                return b.toByteArray();
            }
            case 7: {
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int cutA = in.length == 0 ? 0 : r.nextInt(in.length + 1);
                int cutB = other.length == 0 ? 0 : r.nextInt(other.length + 1);
                return concat(slice(in, 0, cutA), slice(other, cutB, other.length));
            }
            case 8:
                return concat(randomBytes(r, 1 + r.nextInt(32)), in);
            default:
                return structural.mutate(in, r);
        }
    }

    /** Splits {@code length} bytes into the sizes of successive socket reads. */
    static int[] chunks(int length, SplittableRandom r) {
        if (length == 0) {
            return new int[0];
        }
        int mode = r.nextInt(8);
        if (mode < 2) {
            return new int[] {length};
        }
        // Byte-by-byte reads are the harshest for a decoder but cost a pipeline pass per byte:
        // kept for small inputs; larger ones are cut into reads of up to 64, 512 or 4096 bytes.
        int max = mode == 2 ? (length <= 256 ? 1 + r.nextInt(4) : 1 + r.nextInt(64))
                : mode <= 4 ? 1 + r.nextInt(512) : 1 + r.nextInt(4096);
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (int left = length; left > 0; ) {
            int n = Math.min(left, 1 + r.nextInt(max));
            sizes.add(n);
            left -= n;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    static byte[] insert(byte[] in, byte[] piece, SplittableRandom r) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
        return concat(slice(in, 0, at), piece, slice(in, at, in.length));
    }

    static byte[] slice(byte[] in, int from, int to) {
        return java.util.Arrays.copyOfRange(in, from, to);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
