package com.callportrait.speech.redact.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds postal addresses. Stateless.
 *
 * <p><b>English</b>, written or as a recogniser writes it: a house number (digits, "42b", or
 * number words: "forty two", "one two three"), one to three street-name words, a street type
 * ("street", "st", "avenue", "road", ...), then what usually follows: a unit ("apartment 4b",
 * "suite 200"), and up to two place-name words before the next ordinary word ("42 elm street
 * springfield"). A street type without a house number before it ("on main street") is not an
 * address: it names no one's door.
 *
 * <p><b>Chinese</b>: the administrative parts and the door, in that order, without spaces
 * ("北京市朝阳区建国路88号", "广东省深圳市南山区科技园路1号3栋502室", "阳光花园3栋502室"): a road and its
 * number, optionally after province, city and district, optionally followed by building, unit and
 * room; or a residential compound with building and room. A district or city alone is not an
 * address.
 */
final class Addresses {

    private static final Set<String> STREET_TYPES = Set.of("street", "st", "avenue", "ave", "road", "rd", "lane",
            "ln", "drive", "dr", "boulevard", "blvd", "court", "ct", "way", "place", "pl", "terrace", "crescent",
            "parkway", "pkwy", "highway", "hwy", "square", "circle", "trail", "gardens");
    private static final Set<String> UNITS = Set.of("apartment", "apt", "suite", "unit", "flat", "floor", "#");
    /** Words that end an address: sentence words that are no street or place name. */
    private static final Set<String> ORDINARY = Set.of("a", "an", "the", "and", "or", "but", "so", "then", "to", "in",
            "on", "at", "by", "for", "from", "of", "with", "near", "off", "is", "it", "it's", "its", "was", "are",
            "be", "been", "i", "i'm", "me", "my", "you", "your", "we", "our", "he", "she", "they", "his", "her",
            "their", "this", "that", "there", "here", "please", "thanks", "thank", "yes", "yeah", "no", "not",
            "okay", "ok", "uh", "um", "er", "well", "now", "since", "last", "next", "every", "all", "just", "also",
            "too", "very", "really", "if", "when", "where", "what", "which", "who", "how", "why", "because", "can",
            "could", "will", "would", "should", "do", "does", "did", "have", "has", "had", "get", "got", "go",
            "going", "went", "live", "lives", "living", "moved", "move", "send", "sent", "ship", "deliver",
            "address", "new", "old", "same", "as", "about", "after", "before", "around", "up",
            "down", "out", "over", "into", "onto", "like", "still", "again", "right", "left", "corner",
            "fight", "fights", "smart", "cred", "food", "art", "lights", "sign", "signs", "name",
            "names", "parking", "level", "dance", "dancing", "race", "racing", "style", "team", "teams",
            "kids", "days", "years", "times", "people", "guys", "ones", "things", "way", "ways",
            // durations, distances and devices: "a 5 hour drive", "10 minute walk", "2 terabyte hard drive"
            "hour", "hours", "hr", "minute", "minutes", "min", "second", "seconds", "day", "week", "weeks",
            "month", "months", "year", "mile", "miles", "kilometre", "kilometer", "km", "block", "blocks",
            "long", "short", "hard", "test", "disk", "flash", "usb", "terabyte", "gigabyte", "tb", "gb",
            "full", "supreme", "high-speed", "lane-change");
    private static final int MAX_NAME_WORDS = 3;
    private static final int MAX_NUMBER_TOKENS = 6;

    // Han characters that may be part of a place name, i.e. not the sentence words around an
    // address ("我住在", "地址是", "寄到") that the lazy prefixes would otherwise swallow.
    // Characters found in place names (成都, 石家庄, 和平路, 向阳路, 机场路, 三里屯) stay allowed.
    private static final String NAME = "[\\p{IsHan}&&[^我你您他她它们的是在住到寄送址了吗呢吧请就要去从往给为号码话证卡"
            + "还也很最不没个这那哪边附近呀啊哦嗯谢麻烦帮]]";
    private static final String NUM = "[0-9０-９一二三四五六七八九十百千零〇两]";
    private static final String S = "\\s*";
    private static final String ADMIN = "(?:" + NAME + "{2,6}?(?:省|自治区)" + S + ")?"
            + "(?:" + NAME + "{1,6}?市" + S + ")?"
            + "(?:" + NAME + "{1,6}?(?:区|县|旗)" + S + ")?"
            + "(?:" + NAME + "{1,6}?(?:镇|乡|街道)" + S + ")?";
    private static final String DOOR = "(?:" + S + NUM + "{1,4}" + S + "(?:栋|幢|座|号楼))?"
            + "(?:" + S + NUM + "{1,3}" + S + "单元)?"
            + "(?:" + S + NUM + "{1,5}" + S + "(?:室|号房|户))?";
    private static final Pattern CHINESE = Pattern.compile(
            ADMIN + NAME + "{1,8}?(?:路|街|大道|大街|巷|胡同|弄|里)" + S + NUM + "{1,5}" + S + "(?:号|號)" + DOOR
            + "|" + ADMIN + NAME + "{1,8}?(?:小区|花园|公寓|大厦|家园|苑|村)" + S + NUM + "{1,4}" + S
            + "(?:栋|幢|座|号楼)" + DOOR);

    private Addresses() {
    }

    /** Replaces every Chinese address in {@code text} by the placeholder (no-op without Han characters). */
    static String replaceChinese(String text) {
        if (!Lexer.hasHan(text)) {
            return text;
        }
        Matcher m = CHINESE.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(Placeholder.ADDRESS.text())) : text;
    }

    /** Adds a span for every English address in {@code tokens}. */
    static void find(List<Lexer.Token> tokens, List<Span> spans) {
        int n = tokens.size();
        for (int i = 2; i < n; i++) {
            if (!STREET_TYPES.contains(tokens.get(i).text())) {
                continue;
            }
            int nameStart = i;
            while (nameStart > 0 && i - nameStart < MAX_NAME_WORDS && isNameWord(tokens, nameStart - 1)) {
                nameStart--;
            }
            if (nameStart == i) {
                continue;
            }
            int numberStart = houseNumberStart(tokens, nameStart);
            if (numberStart < 0) {
                // "forty two elm street": the first name word may have been a number word too
                continue;
            }
            int end = tail(tokens, i);
            spans.add(new Span(tokens.get(numberStart).start(), tokens.get(end).end(), Placeholder.ADDRESS));
            i = end;
        }
    }

    private static boolean isNameWord(List<Lexer.Token> tokens, int k) {
        Lexer.Token t = tokens.get(k);
        String w = t.text();
        if (w.chars().anyMatch(Character::isDigit)) {
            return w.matches("[0-9]{1,3}(st|nd|rd|th)"); // "5th avenue"; "42b" is a house number
        }
        return t.isWord() && !ORDINARY.contains(w) && !STREET_TYPES.contains(w)
                && !NumberRuns.isNumber(tokens, k) && !NumberWords.REPEATS.containsKey(w)
                && !(w.length() > 0 && Lexer.isHan(w.charAt(0)));
    }

    /** The first token of the house number that ends right before {@code nameStart}, or -1. */
    private static int houseNumberStart(List<Lexer.Token> tokens, int nameStart) {
        int k = nameStart - 1;
        if (k < 0) {
            return -1;
        }
        String w = tokens.get(k).text();
        if (w.matches("[0-9]{1,5}[a-z]?")) {
            // a written number: take a range ("12-14") or a spoken-style run before it as well
            int start = k;
            while (start >= 2 && "-".equals(tokens.get(start - 1).text()) && tokens.get(start - 2).isDigits()) {
                start -= 2;
            }
            return start;
        }
        if (!NumberRuns.isNumber(tokens, k)) {
            return -1;
        }
        int start = k;
        while (start > 0 && k - start + 1 < MAX_NUMBER_TOKENS && NumberRuns.isNumber(tokens, start - 1)) {
            start--;
        }
        // "a two way street", "the one main thing": one small number word after an article is not a door
        if (start == k && start > 0 && Set.of("a", "the", "every", "each", "per", "another").contains(tokens.get(start - 1).text())) {
            return -1;
        }
        return start;
    }

    /** The last token of the address whose street type is at {@code type}: unit and place name included. */
    private static int tail(List<Lexer.Token> tokens, int type) {
        int n = tokens.size();
        int end = type;
        int k = type + 1;
        if (k < n && ".".equals(tokens.get(k).text())) {
            k++; // "St."
        }
        if (k < n && UNITS.contains(tokens.get(k).text())) {
            int u = k + 1;
            int taken = 0;
            while (u < n && taken < 3 && (NumberRuns.isNumber(tokens, u) || tokens.get(u).text().matches("[0-9]{1,5}[a-z]?|[a-z]"))) {
                u++;
                taken++;
            }
            if (taken > 0) {
                end = u - 1;
                k = u;
            }
        }
        if (k < n && ",".equals(tokens.get(k).text())) {
            k++;
        }
        int place = 0;
        while (k < n && place < 2 && isNameWord(tokens, k)) {
            end = k;
            k++;
            place++;
        }
        return end;
    }
}
