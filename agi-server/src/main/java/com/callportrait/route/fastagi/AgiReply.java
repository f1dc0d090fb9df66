package com.callportrait.route.fastagi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reply from Asterisk. Immutable and thread-safe.
 *
 * @param code   200, 510, 511 or 520
 * @param result the {@code result=} number of a 200 reply (0 for an empty one, {@code 200 result= (timeout)}:
 *               GET DATA timed out before any digit); 0 for the others
 * @param data   text between the first {@code (} and the last {@code )} of a 200 reply, if any
 * @param lines  the raw reply lines (one, or several for a {@code 520-} usage reply)
 */
public record AgiReply(int code, int result, Optional<String> data, List<String> lines) implements AgiMessage {

    public AgiReply {
        Objects.requireNonNull(data, "data");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("reply code must have three digits, was " + code);
        }
    }

    /** True for {@code 200} replies. */
    public boolean ok() {
        return code == 200;
    }

    /** Parses one {@code 200 result=n [(data)] [extra]} line. */
    static AgiReply parse200(String line) {
        // "200 result=" then an optional sign and digits.
        int i = "200 result=".length();
        if (!line.startsWith("200 result=")) {
            throw new AgiProtocolException("200 reply without result=: " + AgiDecoder.excerpt(line));
        }
        int j = i;
        if (j < line.length() && line.charAt(j) == '-') {
            j++;
        }
        int digitsStart = j;
        while (j < line.length() && Character.isDigit(line.charAt(j))) {
            j++;
        }
        int result;
        if (j == i && (j == line.length() || line.charAt(j) == ' ')) {
            // Asterisk sends "200 result= (timeout)" when GET DATA times out before any digit: the
            // result is the (empty) digit string. 0 = no digit, as for WAIT FOR DIGIT.
            result = 0;
        } else {
            if (j == digitsStart || j - i > 11) {
                throw new AgiProtocolException("200 reply with a bad result number: " + AgiDecoder.excerpt(line));
            }
            try {
                result = Integer.parseInt(line.substring(i, j));
            } catch (NumberFormatException e) {
                throw new AgiProtocolException("200 reply with a bad result number: " + AgiDecoder.excerpt(line));
            }
        }
        Optional<String> data = Optional.empty();
        int open = line.indexOf('(', j);
        int close = line.lastIndexOf(')');
        if (open >= 0 && close > open) {
            data = Optional.of(line.substring(open + 1, close));
        }
        return new AgiReply(200, result, data, List.of(line));
    }
}
