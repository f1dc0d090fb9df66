package com.callportrait.speech.emotion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the words of an escalation in recognised text, tolerant of recognition errors, and turns
 * them into features for the escalation classifier.
 *
 * <p>Each {@link Concept} has terms ("manager", "cancel", "ombudsman", ...). A term matches a window
 * of one to three consecutive words when the words, run together, are
 * <ul>
 *   <li>the term exactly ({@code esc:CONCEPT}), or</li>
 *   <li>close to it ({@code escf:CONCEPT}): a Levenshtein distance of at most a quarter of the
 *       term's length, or the same sound skeleton ({@link #skeleton}: vowels dropped, voiced and
 *       unvoiced consonants merged), so that "man a jar", "manger" and "manage her" all match
 *       "manager", "supervise her" matches "supervisor" and "cancer" matches "cancel".</li>
 * </ul>
 * A match with a negator in the four words before it ("i don't want to cancel", "no need for a
 * manager") gives {@code escneg:CONCEPT} instead. Context features say whether a request verb comes
 * before a manager ("speak to", "put me through"), whether the caller says they mean to do it
 * ("i'm going to", "i'll", "i want to", "can i": {@code escctx:intent}), and what follows "cancel": a contract-like thing
 * (account, contract, policy) or a routine one (order, appointment, a lost card). The classifier,
 * not this class, decides how much each feature counts.
 *
 * <p>Stateless and thread-safe.
 */
public final class EscalationMatcher {

    /** What kind of escalation a term belongs to. */
    public enum Concept {
        MANAGER, CANCEL, SWITCH, COMPLAINT, REGULATOR, LEGAL, MEDIA;

        String feature() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<Concept, List<String>> TERMS = Map.of(
            Concept.MANAGER, List.of("manager", "supervisor", "team leader", "someone senior", "more senior",
                    "higher up", "in charge", "your boss", "escalate", "escalated", "director",
                    "head of customer"),
            Concept.CANCEL, List.of("cancel", "cancelling", "close my", "closing my", "terminate",
                    "end my contract", "ending the"),
            Concept.SWITCH, List.of("switch to", "switching", "switch provider", "another provider",
                    "another bank", "another network", "another supplier", "another insurer", "competitor",
                    "competitors", "elsewhere", "leave", "leaving", "different provider", "take my business",
                    "another vendor"),
            Concept.COMPLAINT, List.of("complaint", "complain", "complaints"),
            Concept.REGULATOR, List.of("ombudsman", "regulator", "trading standards", "better business bureau",
                    "ofgem", "ofcom", "fca", "fcc", "commissioner", "consumer protection", "attorney general",
                    "consumer affairs", "citizens advice", "utilities commission"),
            Concept.LEGAL, List.of("lawyer", "solicitor", "attorney", "sue", "court", "legal action", "legal"),
            Concept.MEDIA, List.of("the press", "newspaper", "newspapers", "the papers", "the news", "social media",
                    "twitter", "facebook", "tiktok", "trustpilot", "journalist", "review", "one star"));

    private static final Set<String> NEGATORS = Set.of("not", "don't", "dont", "no", "never", "won't", "wont",
            "without", "nothing", "isn't", "didn't", "doesn't", "needn't", "can't", "wouldn't", "nor");
    private static final Set<String> REQUEST_VERBS = Set.of("speak", "talk", "get", "put", "give", "transfer",
            "want", "need", "see", "through", "escalate", "demand", "let", "find", "connect", "like");
    /** Words that say the caller means to do something: "i'm going to", "i'll", "i want to", "can i". */
    private static final Set<String> INTENT_WORDS = Set.of("going", "gonna", "i'll", "ill", "will", "shall", "want",
            "wanna", "like", "need", "demand", "wish", "can", "could", "may", "i'm", "we're", "we'll", "thinking",
            "considering", "have", "might", "should", "rather");
    private static final Set<String> CONTRACT_WORDS = Set.of("account", "accounts", "contract", "policy", "policies",
            "subscription", "membership", "service", "broadband", "plan", "everything", "insurance", "licence",
            "license", "supply", "tariff", "cover", "mortgage", "line", "agreement", "business");
    private static final Set<String> ROUTINE_WORDS = Set.of("order", "appointment", "card", "delivery", "booking",
            "payment", "reservation", "return", "visit", "standing", "paper", "email", "notifications", "alerts",
            "newsletter", "renewal", "debit", "cheque", "transfer");

    private record Term(Concept concept, String joined, String skeleton, int words) {
    }

    private static final List<Term> ALL_TERMS = buildTerms();

    private static List<Term> buildTerms() {
        List<Term> out = new ArrayList<>();
        TERMS.forEach((c, terms) -> {
            for (String t : terms) {
                String joined = t.replace(" ", "");
                out.add(new Term(c, joined, skeleton(joined), t.split(" ").length));
            }
        });
        out.sort((a, b) -> a.joined.compareTo(b.joined));
        return List.copyOf(out);
    }

    private EscalationMatcher() {
    }

    /** Adds the escalation features of {@code words} (recognised tokens, lower case) to {@code f}. */
    public static void addFeatures(List<String> words, Map<String, Double> f) {
        int n = words.size();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            StringBuilder joined = new StringBuilder();
            for (int len = 1; len <= 3 && i + len <= n; len++) {
                joined.append(words.get(i + len - 1));
                String window = joined.toString().replace("'", "");
                String windowSkeleton = null;
                for (Term t : ALL_TERMS) {
                    boolean exact = window.equals(t.joined) && len == t.words;
                    boolean fuzzy = false;
                    if (!exact) {
                        if (t.joined.length() < 5 || window.length() < 4) {
                            continue; // short terms ("sue", "fca") only match exactly
                        }
                        if (window.length() * 10 < t.joined.length() * 6 || window.length() * 10 > t.joined.length() * 15) {
                            continue;
                        }
                        if (windowSkeleton == null) {
                            windowSkeleton = skeleton(window);
                        }
                        // An edit distance is at least the difference in length: skip what cannot match.
                        int allowed = t.joined.length() / 4;
                        fuzzy = t.skeleton.length() >= 3 && windowSkeleton.equals(t.skeleton)
                                || within(window, t.joined, allowed)
                                || t.skeleton.length() >= 5 && within(windowSkeleton, t.skeleton, 1);
                    }
                    if (!exact && !fuzzy) {
                        continue;
                    }
                    any = true;
                    boolean negated = negatedBefore(words, i);
                    String c = t.concept.feature();
                    String name = (negated ? "escneg:" : exact ? "esc:" : "escf:") + c;
                    f.merge(name, 1.0, Math::max);
                    if (!negated) {
                        context(words, i, i + len, t.concept, f);
                    }
                }
            }
        }
        if (!any) {
            f.put("esc:none", 1.0);
        }
    }

    private static void context(List<String> words, int start, int end, Concept c, Map<String, Double> f) {
        for (int j = Math.max(0, start - 6); j < start; j++) {
            if (INTENT_WORDS.contains(words.get(j))) {
                f.put("escctx:intent", 1.0);
                f.put("escctx:intent-" + c.feature(), 1.0);
                break;
            }
        }
        if (c == Concept.MANAGER) {
            for (int j = Math.max(0, start - 5); j < start; j++) {
                if (REQUEST_VERBS.contains(words.get(j))) {
                    f.put("escctx:ask-manager", 1.0);
                    break;
                }
            }
        } else if (c == Concept.CANCEL) {
            for (int j = end; j < Math.min(words.size(), end + 4); j++) {
                String w = words.get(j);
                if (CONTRACT_WORDS.contains(w)) {
                    f.put("escctx:cancel-contract", 1.0);
                    return;
                }
                if (ROUTINE_WORDS.contains(w)) {
                    f.put("escctx:cancel-routine", 1.0);
                    return;
                }
            }
        }
    }

    private static boolean negatedBefore(List<String> words, int start) {
        for (int j = Math.max(0, start - 4); j < start; j++) {
            if (NEGATORS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sound skeleton of a word: the first letter, then consonants only, with letters that sound
     * alike merged (c/k/q, soft c/s/z, g/j, f/v, t/d, p/b) and an "h" after a consonant dropped; runs
     * of the same letter collapse. "manager", "man a jar" and "manger" all give {@code mngr};
     * "cancel", "counsel" and "council" give {@code knsl}.
     */
    static String skeleton(String s) {
        StringBuilder b = new StringBuilder(s.length());
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isLetter(ch)) {
                continue;
            }
            char m = switch (ch) {
                case 'c' -> i + 1 < s.length() && "eiy".indexOf(s.charAt(i + 1)) >= 0 ? 's' : 'k';
                case 'k', 'q' -> 'k';
                case 'j', 'g' -> 'g';
                case 'z', 's' -> 's';
                case 'v', 'f' -> 'f';
                case 'd', 't' -> 't';
                case 'b', 'p' -> 'p';
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> i == 0 ? 'a' : 0;
                case 'h' -> i == 0 ? 'h' : 0;
                default -> ch;
            };
            if (m != 0 && m != last) {
                b.append(m);
            }
            if (m != 0) {
                last = m;
            }
        }
        return b.toString();
    }

    /**
     * Whether the edit distance of {@code a} and {@code b} is at most {@code k}: the same answer as
     * {@code levenshtein(a, b) <= k}, but it stops as soon as a row of the table exceeds {@code k}
     * (most pairs differ at once), which keeps the matcher well under a tenth of a millisecond.
     */
    static boolean within(String a, String b, int k) {
        if (Math.abs(a.length() - b.length()) > k) {
            return false;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > k) {
                return false;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] <= k;
    }

    /** Edit distance (insertions, deletions, substitutions) between {@code a} and {@code b}. */
    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
