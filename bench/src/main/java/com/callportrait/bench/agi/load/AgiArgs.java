package com.callportrait.bench.agi.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AGI command line into arguments as Asterisk's parser does: whitespace separates,
 * {@code "..."} groups, {@code \} escapes the next character. Stateless.
 */
final class AgiArgs {
    private AgiArgs() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inArg = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inArg = true;
            } else if (c == '"') {
                quoted = !quoted;
                inArg = true;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                if (inArg) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            out.add(cur.toString());
        }
        return out;
    }
}
