package com.callportrait.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A heap allocator that remembers every buffer it hands out, so a fuzz case can prove that each
 * one was released (refCnt 0) once the channel is finished, and how many bytes were held at most
 * while the case ran. Deterministic, unlike Netty's sampling leak detector, which only reports a
 * leak after a GC. One instance per fuzz case (one channel); not thread-safe.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> handedOut = new ArrayList<>();
    private int total;

    TrackingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf b = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        handedOut.add(b);
        total++;
        return b;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /**
     * Bytes of capacity held by buffers not yet released. Forgets the released ones on the way
     * (a released buffer never comes back), so calling it after every read stays cheap.
     */
    long liveBytes() {
        handedOut.removeIf(b -> b.refCnt() == 0);
        long n = 0;
        for (ByteBuf b : handedOut) {
            n += b.capacity();
        }
        return n;
    }

    /** Buffers handed out and not released, described for a failure message. */
    List<String> unreleased() {
        List<String> out = new ArrayList<>();
        for (ByteBuf b : handedOut) {
            if (b.refCnt() != 0) {
                out.add("refCnt=" + b.refCnt() + " capacity=" + b.capacity() + " readable=" + b.readableBytes());
            }
        }
        return out;
    }

    /** Buffers handed out so far. */
    int buffers() {
        return total;
    }
}
