package com.callportrait.bench.agi.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asterisk's end of one FastAGI connection, byte for byte as Asterisk 22 writes it: the
 * environment block on connect, then one reply line per command line ({@code 200 result=0} for
 * {@code EXEC} of MSet, {@code 200 result=1} for {@code SET VARIABLE}, {@code 200 result=0} for a
 * {@code GET VARIABLE} of an unset variable, {@code 510 Invalid or unknown command} otherwise).
 * A caller that hangs up early gets {@code HANGUP} written just before the first reply, as
 * Asterisk may. The session ends when the server closes the socket; the outcome is checked
 * against what routing had to set. One instance per connection, confined to its event loop.
 */
final class AsteriskPeer extends ByteToMessageDecoder {
    private static final ByteBuf EXEC_OK = reply("200 result=0\n");
    private static final ByteBuf SET_OK = reply("200 result=1\n");
    private static final ByteBuf GET_UNSET = reply("200 result=0\n");
    private static final ByteBuf UNKNOWN = reply("510 Invalid or unknown command\n");
    private static final ByteBuf HANGUP = reply("HANGUP\n");

    /** How a session ended, for the phase's counters. */
    enum Outcome { OK, DEGRADED, ERROR }

    /** Receives the end of the session (on the event loop). */
    interface Done {
        void ended(Outcome outcome, int commands, long endNanos);
    }

    private final ByteBuf environment;
    private final String expectedCustomer;
    private final boolean hangupEarly;
    private final Done done;
    private int commands;
    private String customer;
    private String degraded;
    private boolean ended;

    AsteriskPeer(ByteBuf environment, String expectedCustomer, boolean hangupEarly, Done done) {
        this.environment = environment;
        this.expectedCustomer = expectedCustomer;
        this.hangupEarly = hangupEarly;
        this.done = done;
    }

    private static ByteBuf reply(String s) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(s.length()).writeBytes(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.writeAndFlush(environment.retainedDuplicate());
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int lf;
        while ((lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n')) >= 0) {
            String line = in.toString(in.readerIndex(), lf - in.readerIndex(), StandardCharsets.US_ASCII);
            in.readerIndex(lf + 1);
            commands++;
            if (hangupEarly && commands == 1) {
                ctx.write(HANGUP.duplicate());
            }
            ctx.writeAndFlush(answer(line).duplicate());
        }
    }

    private ByteBuf answer(String line) {
        List<String> args = AgiArgs.split(line);
        if (args.size() >= 3 && args.get(0).equals("EXEC") && args.get(1).equalsIgnoreCase("MSet")) {
            for (String pair : args.get(2).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    variable(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return EXEC_OK;
        }
        if (args.size() == 4 && args.get(0).equals("SET") && args.get(1).equals("VARIABLE")) {
            variable(args.get(2), args.get(3));
            return SET_OK;
        }
        if (args.size() == 3 && args.get(0).equals("GET") && args.get(1).equals("VARIABLE")) {
            return GET_UNSET;
        }
        return UNKNOWN;
    }

    private void variable(String name, String value) {
        if (name.equals("CP_CUSTOMER_ID")) {
            customer = value;
        } else if (name.equals("CP_DEGRADED")) {
            degraded = value;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        finish(verdict());
        super.channelInactive(ctx);
    }

    private Outcome verdict() {
        if (commands == 0 || customer == null || degraded == null) {
            return Outcome.ERROR;
        }
        if (degraded.equals("1")) {
            return Outcome.DEGRADED;
        }
        return customer.equals(expectedCustomer) && degraded.equals("0") ? Outcome.OK : Outcome.ERROR;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        finish(Outcome.ERROR);
        ctx.close();
    }

    /** Connect failed or timed out. */
    void failed() {
        finish(Outcome.ERROR);
    }

    private void finish(Outcome outcome) {
        if (!ended) {
            ended = true;
            done.ended(outcome, commands, System.nanoTime());
        }
    }
}
