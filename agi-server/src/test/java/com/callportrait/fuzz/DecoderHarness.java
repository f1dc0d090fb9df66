package com.callportrait.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Feeds one input to a fresh decoder in an {@link EmbeddedChannel}, read by read, the way a socket
 * would (nothing more is read once the channel is closed), and checks what every decoder owes:
 * the only exception out of it is the protocol's own (bare or wrapped in Netty's
 * {@link DecoderException}), at most once and with nothing decoded after it; the bytes it holds
 * after each read stay under {@code maxHeldBytes}; every buffer is released when the channel is
 * finished. Stateless; thread-safe.
 */
final class DecoderHarness {
    private DecoderHarness() {
    }

    /**
     * What a decoder made of one input.
     *
     * @param messages      decoded messages, in order
     * @param violationAt   how many messages came before the violation, or -1 for none
     * @param violation     the protocol exception's message, or null
     */
    record Outcome(List<Object> messages, int violationAt, String violation) {
        boolean violated() {
            return violationAt >= 0;
        }
    }

    static Outcome feed(Supplier<ChannelHandler> decoder, Class<? extends Exception> protocolException, byte[] input,
                        int[] chunks, long maxHeldBytes) {
        return feed(decoder, protocolException, input, chunks, maxHeldBytes, true);
    }

    /** @param peerCloses whether the peer closes the connection after the input (the decoder then sees the end) */
    static Outcome feed(Supplier<ChannelHandler> decoder, Class<? extends Exception> protocolException, byte[] input,
                        int[] chunks, long maxHeldBytes, boolean peerCloses) {
        TrackingAllocator alloc = new TrackingAllocator();
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        ch.pipeline().addLast(decoder.get());
        List<Object> messages = new ArrayList<>();
        int[] violationAt = {-1};
        String[] why = {null};
        int offset = 0;
        for (int n : chunks) {
            if (!ch.isOpen()) {
                break;
            }
            ByteBuf buf = alloc.buffer(n).writeBytes(input, offset, n);
            offset += n;
            try {
                ch.writeInbound(buf);
            } catch (Exception e) {
                violation(e, protocolException, messages, ch, violationAt, why);
            }
            drain(ch, messages);
            if (alloc.liveBytes() > maxHeldBytes) {
                throw new AssertionError("decoder holds " + alloc.liveBytes() + " bytes after a read of " + n
                        + "; bound " + maxHeldBytes);
            }
        }
        if (peerCloses) {
            try {
                ch.finish();
            } catch (Exception e) {
                violation(e, protocolException, messages, ch, violationAt, why);
            }
        }
        drain(ch, messages);
        try {
            ch.finishAndReleaseAll();
        } catch (Exception e) {
            if (peerCloses) {
                throw e;
            }
            // Only to release the buffers: what the decoder says about the end is not asked for.
            ch.releaseInbound();
        }
        List<String> unreleased = alloc.unreleased();
        if (!unreleased.isEmpty()) {
            throw new AssertionError("buffers not released: " + unreleased);
        }
        if (violationAt[0] >= 0 && messages.size() != violationAt[0]) {
            throw new AssertionError((messages.size() - violationAt[0]) + " message(s) decoded after the violation '"
                    + why[0] + "': " + messages.subList(violationAt[0], messages.size()));
        }
        return new Outcome(messages, violationAt[0], why[0]);
    }

    private static void violation(Exception e, Class<? extends Exception> protocolException, List<Object> messages,
                                  EmbeddedChannel ch, int[] violationAt, String[] why) {
        Throwable cause = e instanceof DecoderException && e.getCause() != null ? e.getCause() : e;
        if (!protocolException.isInstance(cause)) {
            throw new AssertionError("unexpected exception out of the decoder: " + e, e);
        }
        if (violationAt[0] >= 0) {
            throw new AssertionError("second violation '" + cause.getMessage() + "' after '" + why[0] + "'", e);
        }
        violationAt[0] = messages.size() + ch.inboundMessages().size();
        why[0] = cause.getMessage();
    }

    private static void drain(EmbeddedChannel ch, List<Object> into) {
        for (Object o; (o = ch.readInbound()) != null; ) {
            into.add(o);
        }
    }

    /** Upper bound of the bytes a decoder may hold: its largest unit plus one read, with buffer growth. */
    static long bound(int largestUnit, int[] chunks) {
        int maxChunk = 0;
        for (int c : chunks) {
            maxChunk = Math.max(maxChunk, c);
        }
        return 4L * Integer.highestOneBit(largestUnit + maxChunk + 16) + maxChunk;
    }
}
