package com.callportrait.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference reading of an AudioSocket byte stream, written from the protocol rules in
 * docs/asr.md independently of the decoder: which frames a correct decoder yields and whether the
 * stream breaks a rule. The fuzzer compares the real decoder, fed in random chunks, against it.
 *
 * @param frames    {@code [kind, offset, length]} of every frame a decoder must emit, in order
 * @param violation true when the stream breaks a rule (the session must then end)
 */
record AudioSocketModel(List<int[]> frames, boolean violation) {

    static AudioSocketModel of(byte[] in, int maxPayload) {
        List<int[]> frames = new ArrayList<>();
        boolean sawUuid = false;
        boolean ended = false;
        int at = 0;
        while (in.length - at >= 3) {
            int kind = in[at] & 0xFF;
            int len = (in[at + 1] & 0xFF) << 8 | in[at + 2] & 0xFF;
            boolean bad = len > maxPayload || ended
                    || !sawUuid && kind != 0x01
                    || kind == 0x01 && (sawUuid || len != 16)
                    || kind == 0x03 && len != 1
                    || kind >= 0x10 && kind <= 0x18 && (len < 2 || len % 2 != 0)
                    || !(kind == 0x00 || kind == 0x01 || kind == 0x03 || kind == 0xFF || kind >= 0x10 && kind <= 0x18);
            if (bad) {
                return new AudioSocketModel(frames, true);
            }
            if (in.length - at - 3 < len) {
                break;
            }
            if (kind == 0x03 && "0123456789*#ABCDabcd".indexOf((char) (in[at + 3] & 0xFF)) < 0) {
                return new AudioSocketModel(frames, true);
            }
            frames.add(new int[] {kind, at, len});
            sawUuid |= kind == 0x01;
            ended |= kind == 0x00;
            at += 3 + len;
        }
        return new AudioSocketModel(frames, false);
    }

    /** Headers of the frames in {@code in}, read from the start as if aligned ({@code [offset, length]}). */
    static List<int[]> headers(byte[] in) {
        List<int[]> out = new ArrayList<>();
        for (int at = 0; in.length - at >= 3; ) {
            int len = (in[at + 1] & 0xFF) << 8 | in[at + 2] & 0xFF;
            out.add(new int[] {at, len});
            at += 3 + len;
        }
        return out;
    }
}
