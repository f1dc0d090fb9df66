package com.callportrait.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Commercial tier of a customer, in the operator's own words: any label the CRM uses
 * ({@code vip}, {@code premium}, {@code enterprise}, {@code 钻石}, ...) is a tier. What a tier
 * means for routing is said by the routing rules, not here; a label no rule names routes on
 * defaults. Immutable and thread-safe; equal labels are equal tiers.
 *
 * <p>Labels are compared in a canonical form: Unicode NFKC, trimmed, lower case, every run of
 * whitespace one {@code -} ({@code "Gold Plus"} and {@code gold-plus} are one tier). A label has
 * 1-{@value #MAX_LENGTH} characters after that and no control characters.
 *
 * <p>{@link #STANDARD}, {@link #SILVER}, {@link #GOLD} and {@link #PLATINUM} are the labels the
 * bundled rules, demo customers and generated data use.
 *
 * @param label the canonical label, e.g. {@code gold}
 */
public record Tier(String label) {

    /** Longest label accepted, in characters after canonicalisation. */
    public static final int MAX_LENGTH = 64;

    public static final Tier STANDARD = new Tier("standard");
    public static final Tier SILVER = new Tier("silver");
    public static final Tier GOLD = new Tier("gold");
    public static final Tier PLATINUM = new Tier("platinum");

    private static final List<Tier> BUILT_IN = List.of(STANDARD, SILVER, GOLD, PLATINUM);

    public Tier {
        label = canonical(Objects.requireNonNull(label, "tier label"));
    }

    /**
     * The tier a CRM export names ({@code gold}, {@code GOLD}, {@code Gold}, {@code VIP}, ...).
     * Any label is accepted; the only errors are an empty, over-long or control-character label.
     *
     * @throws IllegalArgumentException with a one-line reason when {@code text} is not a label
     */
    @JsonCreator
    public static Tier parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tier is empty");
        }
        return new Tier(text);
    }

    /** The four labels the bundled routing rules and the demo data use, lowest first. */
    public static List<Tier> builtIn() {
        return BUILT_IN;
    }

    /** The label used on the wire (CSV, channel variables, events, pages): the canonical label. */
    public String wireName() {
        return label;
    }

    /**
     * The stored JSON form: the four built-in tiers as their upper-case names ({@code GOLD}), which
     * is what releases with a closed list of tiers wrote and can read, so such an instance still
     * reads every profile of a built-in tier during a rolling upgrade; any other label as it is.
     * Reading accepts any case.
     */
    @JsonValue
    String storedForm() {
        return BUILT_IN.contains(this) ? label.toUpperCase(Locale.ROOT) : label;
    }

    @Override
    public String toString() {
        return label;
    }

    private static String canonical(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "-");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("tier is empty");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("tier '" + s.substring(0, 20) + "...' is longer than " + MAX_LENGTH
                    + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new IllegalArgumentException("tier contains a control character");
            }
        }
        return s;
    }
}
