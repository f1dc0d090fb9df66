package com.callportrait.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A small reader and walker for the part of Asterisk's extensions.conf that the shipped snippet
 * uses: contexts, {@code exten =>}/{@code same =>} with priority labels, {@code ${VAR}},
 * {@code ${VAR:offset:length}},
 * {@code ${IF($[...]?a:b)}}, {@code $[...]} with {@code = != & |}, and the applications Set, Goto,
 * GotoIf, Gosub, Return and Hangup. Every other application is handed to a scenario, which plays
 * Asterisk's part (an AGI's result, a Queue()'s QUEUESTATUS) as recorded from a real Asterisk 22.
 * Also implements the PBX rule that matters for the watchdog (pbx.c): an application that ends
 * because TIMEOUT(absolute) fired continues at extension {@code T} of the current context.
 *
 * <p>Test support; not thread-safe; one walk per instance.
 */
final class Dialplan {
    /** One dialplan step: the priority's application and its raw arguments. */
    record Step(String app, String args) { }

    /** What an application handed to the scenario did: continue, hang up, or time out (T). */
    enum Outcome { CONTINUE, HANGUP, TIMEOUT }

    private final Map<String, Map<String, Map<Integer, Step>>> contexts = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Integer>>> labels = new HashMap<>();
    final Map<String, String> globals = new LinkedHashMap<>();
    final Map<String, String> vars = new HashMap<>();
    final List<String> trace = new ArrayList<>();

    static Dialplan read(Path... files) throws IOException {
        Dialplan d = new Dialplan();
        for (Path f : files) {
            d.parse(Files.readAllLines(f));
        }
        return d;
    }

    private void parse(List<String> lines) {
        String context = null;
        String exten = null;
        int priority = 0;
        for (String raw : lines) {
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                context = line.substring(1, line.indexOf(']'));
                contexts.computeIfAbsent(context, c -> new LinkedHashMap<>());
                continue;
            }
            if ("globals".equals(context)) {
                int eq = line.indexOf('=');
                globals.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                continue;
            }
            String body;
            if (line.startsWith("exten")) {
                body = line.substring(line.indexOf("=>") + 2).strip();
                int c1 = body.indexOf(',');
                exten = body.substring(0, c1);
                body = body.substring(c1 + 1);
                int c2 = body.indexOf(',');
                String pri = body.substring(0, c2);
                body = body.substring(c2 + 1);
                priority = pri.startsWith("n") ? priority + 1 : Integer.parseInt(pri.replaceAll("\\(.*", ""));
                label(context, exten, pri, priority);
            } else if (line.startsWith("same")) {
                body = line.substring(line.indexOf("=>") + 2).strip();
                int c2 = body.indexOf(',');
                String pri = body.substring(0, c2);
                body = body.substring(c2 + 1);
                priority++;
                label(context, exten, pri, priority);
            } else {
                continue;
            }
            int paren = body.indexOf('(');
            String app = paren < 0 ? body : body.substring(0, paren);
            String args = paren < 0 ? "" : body.substring(paren + 1, body.lastIndexOf(')'));
            contexts.get(context).computeIfAbsent(exten, e -> new HashMap<>()).put(priority, new Step(app, args));
        }
    }

    private void label(String context, String exten, String pri, int priority) {
        int open = pri.indexOf('(');
        if (open >= 0) {
            labels.computeIfAbsent(context, c -> new HashMap<>()).computeIfAbsent(exten, e -> new HashMap<>())
                    .put(pri.substring(open + 1, pri.indexOf(')')), priority);
        }
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    Map<String, Map<String, Map<Integer, Step>>> contexts() {
        return contexts;
    }

    /** The extension of {@code context} that {@code dialled} matches (exact first, then patterns). */
    String match(String context, String dialled) {
        Map<String, Map<Integer, Step>> c = contexts.get(context);
        if (c == null) {
            throw new IllegalStateException("no context " + context);
        }
        if (c.containsKey(dialled)) {
            return dialled;
        }
        for (String e : c.keySet()) {
            if (e.startsWith("_") && dialled.matches(patternRegex(e.substring(1)))) {
                return e;
            }
        }
        throw new IllegalStateException("no extension " + dialled + " in " + context);
    }

    static String patternRegex(String p) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            switch (ch) {
                case 'X' -> r.append("[0-9]");
                case 'Z' -> r.append("[1-9]");
                case 'N' -> r.append("[2-9]");
                case '.' -> r.append(".+");
                case '!' -> r.append(".*");
                case '[' -> {
                    int end = p.indexOf(']', i);
                    r.append(p, i, end + 1);
                    i = end;
                }
                default -> r.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return r.toString();
    }

    /**
     * Walks from {@code context,dialled,1} until a hang-up or the end of the dialplan (at most
     * 500 steps); {@code apps} plays every application this class does not.
     */
    void walk(String context, String dialled, BiFunction<String, String, Outcome> apps) {
        String ctx = context;
        String ext = match(context, dialled);
        String exten = dialled;
        int pri = 1;
        Deque<Object[]> gosubs = new ArrayDeque<>();
        for (int n = 0; n < 500; n++) {
            vars.put("EXTEN", exten);
            Step s = contexts.get(ctx).getOrDefault(ext, Map.of()).get(pri);
            if (s == null) {
                trace.add("end");
                return;
            }
            String args = s.app().equals("GotoIf") || s.app().equals("Set") ? s.args() : expand(s.args());
            int next = pri + 1;
            switch (s.app()) {
                case "Set" -> {
                    int eq = args.indexOf('=');
                    // _VAR and __VAR set VAR (inherited by the channels this one creates)
                    vars.put(args.substring(0, eq).replaceFirst("^_+", ""), expand(args.substring(eq + 1)));
                }
                case "Goto", "GotoIf" -> {
                    String dest = args;
                    if (s.app().equals("GotoIf")) {
                        int q = args.lastIndexOf('?');
                        boolean cond = truth(expand(args.substring(0, q)));
                        String[] branches = args.substring(q + 1).split(":", -1);
                        dest = cond ? branches[0] : branches.length > 1 ? branches[1] : "";
                        dest = expand(dest);
                        if (dest.isEmpty()) {
                            break;
                        }
                    }
                    String[] d = dest.split(",");
                    if (d.length == 3) {
                        ctx = d[0];
                        exten = d[1];
                        ext = match(ctx, exten);
                        next = priority(ctx, ext, d[2]);
                    } else if (d.length == 2) {
                        exten = d[0];
                        ext = match(ctx, exten);
                        next = priority(ctx, ext, d[1]);
                    } else {
                        next = priority(ctx, ext, d[0]);
                    }
                    trace.add("goto " + ctx + "," + exten + "," + d[d.length - 1]);
                }
                case "Gosub" -> {
                    int open = args.indexOf('(');
                    String[] d = (open < 0 ? args : args.substring(0, open)).split(",");
                    String[] a = open < 0 ? new String[0] : args.substring(open + 1, args.lastIndexOf(')')).split(",");
                    gosubs.push(new Object[] {ctx, ext, exten, next, Map.copyOf(argsOf(a))});
                    for (int i = 0; i < a.length; i++) {
                        vars.put("ARG" + (i + 1), a[i]);
                    }
                    ctx = d[0];
                    exten = d[1];
                    ext = match(ctx, exten);
                    next = priority(ctx, ext, d[2]);
                    trace.add("gosub " + ctx + "(" + String.join(",", a) + ")");
                }
                case "Return" -> {
                    Object[] back = gosubs.pop();
                    vars.put("GOSUB_RETVAL", args);
                    ctx = (String) back[0];
                    ext = (String) back[1];
                    exten = (String) back[2];
                    next = (Integer) back[3];
                    trace.add("return " + args);
                }
                case "Hangup" -> {
                    trace.add("hangup");
                    return;
                }
                case "NoOp", "Verbose", "Answer" -> { }
                default -> {
                    trace.add(s.app() + "(" + args + ")");
                    Outcome o = apps.apply(s.app(), args);
                    if (o == Outcome.HANGUP) {
                        trace.add("hangup");
                        return;
                    }
                    if (o == Outcome.TIMEOUT) {
                        if (!contexts.get(ctx).containsKey("T")) {
                            trace.add("hangup (timeout, no T)");
                            return;
                        }
                        ext = "T";
                        exten = "T";
                        next = 1;
                        trace.add("T");
                    }
                }
            }
            pri = next;
        }
        throw new IllegalStateException("more than 500 steps: a loop? " + trace);
    }

    private static Map<String, String> argsOf(String[] a) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            m.put("ARG" + (i + 1), a[i]);
        }
        return m;
    }

    private int priority(String ctx, String ext, String p) {
        if (p.matches("\\d+")) {
            return Integer.parseInt(p);
        }
        Integer at = labels.getOrDefault(ctx, Map.of()).getOrDefault(ext, Map.of()).get(p);
        if (at == null) {
            throw new IllegalStateException("no label " + p + " in " + ctx + "," + ext);
        }
        return at;
    }

    /** Substitutes {@code ${...}} and evaluates {@code $[...]}, innermost first. */
    String expand(String s) {
        String cur = s;
        for (int guard = 0; guard < 100; guard++) {
            int start = innermost(cur);
            if (start < 0) {
                return cur;
            }
            boolean expr = cur.charAt(start + 1) == '[';
            int end = closing(cur, start + 1);
            String inner = cur.substring(start + 2, end);
            String value = expr ? evaluate(inner) : variable(inner);
            cur = cur.substring(0, start) + value + cur.substring(end + 1);
        }
        throw new IllegalStateException("cannot expand " + s);
    }

    private static int innermost(String s) {
        int best = -1;
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '$' && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '[')) {
                int end = closing(s, i + 1);
                String inner = s.substring(i + 2, end);
                if (!inner.contains("${") && !inner.contains("$[")) {
                    return i;
                }
                best = i;
            }
        }
        return best;
    }

    private static int closing(String s, int open) {
        char o = s.charAt(open);
        char c = o == '{' ? '}' : ']';
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == o) {
                depth++;
            } else if (s.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced " + s);
    }

    private String variable(String name) {
        if (name.startsWith("IF(")) {
            String body = name.substring(3, name.length() - 1);
            int q = body.indexOf('?');
            String[] ab = body.substring(q + 1).split(":", -1);
            return truth(body.substring(0, q)) ? ab[0] : ab.length > 1 ? ab[1] : "";
        }
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("(\\w+):(\\d+)(?::(\\d+))?").matcher(name);
        if (sub.matches()) {
            String v = variable(sub.group(1));
            int from = Math.min(Integer.parseInt(sub.group(2)), v.length());
            int to = sub.group(3) == null ? v.length() : Math.min(v.length(), from + Integer.parseInt(sub.group(3)));
            return v.substring(from, to);
        }
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        return globals.getOrDefault(name, "");
    }

    private static boolean truth(String v) {
        String t = v.strip();
        return !t.isEmpty() && !t.equals("0");
    }

    /** {@code "a" = "b"}, {@code !=}, {@code &}, {@code |} as in Asterisk's expression parser. */
    static String evaluate(String expr) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char ch = expr.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"') {
                int end = expr.indexOf('"', i + 1);
                tokens.add(expr.substring(i, end + 1));
                i = end + 1;
            } else if (expr.startsWith("!=", i)) {
                tokens.add("!=");
                i += 2;
            } else if ("=&|".indexOf(ch) >= 0) {
                tokens.add(String.valueOf(ch));
                i++;
            } else {
                int end = i;
                while (end < expr.length() && !Character.isWhitespace(expr.charAt(end)) && "=&|!\"".indexOf(expr.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(expr.substring(i, end));
                i = end;
            }
        }
        boolean any = false;
        boolean all = true;
        int t = 0;
        while (t < tokens.size()) {
            String a = unquote(tokens.get(t));
            boolean v;
            if (t + 2 < tokens.size() && (tokens.get(t + 1).equals("=") || tokens.get(t + 1).equals("!="))) {
                boolean eq = a.equals(unquote(tokens.get(t + 2)));
                v = tokens.get(t + 1).equals("=") == eq;
                t += 3;
            } else {
                v = truth(a);
                t += 1;
            }
            all &= v;
            if (t >= tokens.size() || tokens.get(t).equals("|")) {
                any |= all;
                all = true;
            }
            t++;
        }
        return any ? "1" : "0";
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
