package com.callportrait.portrait.gen;

import java.util.SplittableRandom;

/** Invented names and the raw phone formats CRM exports really contain. Stateless, thread-safe. */
final class Names {
    private static final String[] FIRST = {"Alex", "Maria", "Wei", "Fatima", "John", "Priya", "Carlos", "Mei",
        "Olga", "Samuel", "Aisha", "Tom", "Lucia", "Kenji", "Nora", "David", "Sofia", "Omar", "Grace", "Ivan"};
    private static final String[] LAST = {"Smith", "Garcia", "Chen", "Khan", "Johnson", "Patel", "Lopez", "Wang",
        "Ivanova", "Brown", "Okafor", "Miller", "Rossi", "Tanaka", "Nilsen", "Lee", "Silva", "Haddad", "Kim", "Novak"};

    private Names() {
    }

    static String name(SplittableRandom rnd) {
        return FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
    }

    /** {@code digits} is 11 digits starting with 1; written the way exports write it. */
    static String formatPhone(SplittableRandom rnd, String digits) {
        String a = digits.substring(1, 4);
        String b = digits.substring(4, 7);
        String c = digits.substring(7);
        return switch (rnd.nextInt(4)) {
            case 0 -> "+1 " + a + " " + b + " " + c;
            case 1 -> "(" + a + ") " + b + "-" + c;
            case 2 -> digits;
            default -> "+" + digits;
        };
    }
}
