package com.callportrait.portrait.features;

import com.callportrait.portrait.semantic.Contact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a {@link CustomerHistory}: a versioned binary encoding in which a contact costs
 * about 22 bytes (under 30 with its share of the word table, for generated customers). Layout of
 * format {@value #FORMAT} (all integers unsigned LEB128 varints unless said otherwise; "zz" = zig-zag
 * varint; "str" = varint byte length + UTF-8; "nstr" = varint (length + 1), 0 for null):
 * <pre>
 *   u8 format
 *   str name, nstr phone, str tier, str language, zz joined, f64 lifetime value (big-endian IEEE 754),
 *   zz account closed (-1 while open; not in format 1, read as open)
 *   varint n, n x (str name, str value)                     CRM / enrichment attributes
 *   varint n, n x str                                       words: channels, outcomes, emotions, topics
 *   varint n, n x contact:  i64 id hash, zz (at - previous at), u8 hour, varint wait+1, varint talk+1,
 *                           varint channel, outcome, emotion, topic (word indexes), u8 survey, nstr note
 *   varint n, n x bill:     i64 id hash, zz (issued - previous issued), zz (due - issued),
 *                           u8 flags (1 = paid, 2 = amount in whole cents), [zz (paid - issued)],
 *                           zz cents or f64 amount
 *   varint n, n x complaint, then varint n, n x ticket:
 *                           str id, zz (opened - previous opened), u8 closed?, [zz (closed - opened)],
 *                           varint topic (word index), str summary
 *   varint n, n x i64       ids of the last records applied
 * </pre>
 * Times are epoch seconds, stored as differences from the previous entry of the list (lists are
 * in time order), so a contact's time usually takes 3 bytes. Decoding a newer format, or bytes that
 * end early, throws {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class HistoryCodec {
    /** The format written; decoding accepts this one and format 1 (before account closures). */
    public static final int FORMAT = 2;

    private HistoryCodec() {
    }

    /** The history's bytes. The caller holds the history still (its monitor, for a shared one). */
    public static byte[] encode(CustomerHistory h) {
        Out out = new Out(64 + h.contacts().size() * 24 + h.bills().size() * 24);
        out.u8(FORMAT);
        out.str(h.name());
        out.nstr(h.phone());
        out.str(h.tier());
        out.str(h.language());
        out.zz(h.joined());
        out.f64(h.lifetimeValue());
        out.zz(h.closed());
        Map<String, String> attrs = new java.util.TreeMap<>(h.attributes());
        out.varint(attrs.size());
        attrs.forEach((k, v) -> {
            out.str(k);
            out.str(v);
        });
        Map<String, Integer> words = new LinkedHashMap<>();
        for (Contact c : h.contacts()) {
            word(words, c.channel());
            word(words, c.outcome());
            word(words, c.emotion());
            word(words, c.topic());
        }
        h.complaints().forEach(c -> word(words, c.topic()));
        h.tickets().forEach(c -> word(words, c.topic()));
        out.varint(words.size());
        words.keySet().forEach(out::str);
        out.varint(h.contacts().size());
        long prev = 0;
        for (Contact c : h.contacts()) {
            out.i64(c.idHash());
            out.zz(c.at() - prev);
            prev = c.at();
            out.u8(c.hour());
            out.varint(c.waitSec() + 1L);
            out.varint(c.talkSec() + 1L);
            out.varint(words.get(c.channel()));
            out.varint(words.get(c.outcome()));
            out.varint(words.get(c.emotion()));
            out.varint(words.get(c.topic()));
            out.u8(c.survey());
            out.nstr(c.note());
        }
        out.varint(h.bills().size());
        prev = 0;
        for (BillFact b : h.bills()) {
            out.i64(b.idHash());
            out.zz(b.issued() - prev);
            prev = b.issued();
            out.zz(b.due() - b.issued());
            long cents = Math.round(b.amount() * 100);
            // whole cents only when that gives back the very same double (portraits must not change)
            boolean inCents = Math.abs(cents) < (1L << 50) && cents / 100.0 == b.amount();
            out.u8((b.paid() >= 0 ? 1 : 0) | (inCents ? 2 : 0));
            if (b.paid() >= 0) {
                out.zz(b.paid() - b.issued());
            }
            if (inCents) {
                out.zz(cents);
            } else {
                out.f64(b.amount());
            }
        }
        cases(out, h.complaints(), words);
        cases(out, h.tickets(), words);
        out.varint(h.recentRecords().size());
        h.recentRecords().forEach(out::i64);
        return out.bytes();
    }

    /**
     * The history stored as {@code bytes} for {@code customerId}, under {@code bounds} (narrower
     * bounds than those it was stored with apply at once).
     *
     * @throws IllegalArgumentException when the bytes are not a history this version can read
     */
    public static CustomerHistory decode(String customerId, byte[] bytes, HistoryBounds bounds) {
        In in = new In(bytes);
        int format = in.u8();
        if (format != FORMAT && format != 1) {
            throw new IllegalArgumentException("history of " + customerId + " has format " + format
                    + ", this version reads " + FORMAT);
        }
        CustomerHistory h = new CustomerHistory(customerId, bounds);
        String name = in.str();
        String phone = in.nstr();
        String tier = in.str();
        String language = in.str();
        h.customer(name, phone, tier, language, in.zz(), in.f64());
        if (format >= 2) {
            long closed = in.zz();
            if (closed >= 0) {
                h.closed(closed);
            }
        }
        int n = in.count();
        Map<String, String> attrs = new HashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            attrs.put(in.str(), in.str());
        }
        h.attributes(attrs);
        String[] words = new String[in.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = in.str().intern();
        }
        n = in.count();
        List<Contact> contacts = new ArrayList<>(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            long id = in.i64();
            long at = prev + in.zz();
            prev = at;
            int hour = in.u8();
            int wait = (int) in.varint() - 1;
            int talk = (int) in.varint() - 1;
            String channel = in.word(words);
            String outcome = in.word(words);
            String emotion = in.word(words);
            String topic = in.word(words);
            contacts.add(new Contact(id, at, channel, hour, wait, talk, outcome, in.u8(), emotion, topic, in.nstr()));
        }
        n = in.count();
        List<BillFact> bills = new ArrayList<>(n);
        prev = 0;
        for (int i = 0; i < n; i++) {
            long id = in.i64();
            long issued = prev + in.zz();
            prev = issued;
            long due = issued + in.zz();
            int flags = in.u8();
            long paid = (flags & 1) != 0 ? issued + in.zz() : -1;
            double amount = (flags & 2) != 0 ? in.zz() / 100.0 : in.f64();
            bills.add(new BillFact(id, issued, due, paid, amount));
        }
        List<CaseFact> complaints = cases(in, words);
        List<CaseFact> tickets = cases(in, words);
        n = in.count();
        List<Long> recent = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recent.add(in.i64());
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException("history of " + customerId + " has " + in.remaining()
                    + " bytes after its end");
        }
        h.restore(contacts, bills, complaints, tickets, recent);
        return h;
    }

    private static void word(Map<String, Integer> words, String w) {
        words.putIfAbsent(w, words.size());
    }

    private static void cases(Out out, List<CaseFact> cases, Map<String, Integer> words) {
        out.varint(cases.size());
        long prev = 0;
        for (CaseFact c : cases) {
            out.str(c.id());
            out.zz(c.opened() - prev);
            prev = c.opened();
            out.u8(c.closed() >= 0 ? 1 : 0);
            if (c.closed() >= 0) {
                out.zz(c.closed() - c.opened());
            }
            out.varint(words.get(c.topic()));
            out.str(c.summary());
        }
    }

    private static List<CaseFact> cases(In in, String[] words) {
        int n = in.count();
        List<CaseFact> out = new ArrayList<>(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            String id = in.str();
            long opened = prev + in.zz();
            prev = opened;
            long closed = in.u8() == 1 ? opened + in.zz() : -1;
            out.add(new CaseFact(id, opened, closed, in.word(words), in.str()));
        }
        return out;
    }

    /** A growing byte buffer. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void u8(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void varint(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative varint " + v);
            }
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void zz(long v) {
            long z = (v << 1) ^ (v >> 63);
            room(10);
            while ((z & ~0x7FL) != 0) {
                buf[size++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[size++] = (byte) z;
        }

        void i64(long v) {
            room(8);
            for (int i = 7; i >= 0; i--) {
                buf[size++] = (byte) (v >>> (i * 8));
            }
        }

        void f64(double v) {
            i64(Double.doubleToRawLongBits(v));
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void nstr(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** A cursor over the bytes; running past the end is an {@link IllegalArgumentException}. */
    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        private void need(int n) {
            if (n < 0 || pos + n > buf.length) {
                throw new IllegalArgumentException("history bytes end early (at " + pos + " of " + buf.length + ")");
            }
        }

        int remaining() {
            return buf.length - pos;
        }

        int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint longer than 64 bits at " + pos);
        }

        /** A list length: bounded by the bytes left, so a corrupt count cannot allocate a huge list. */
        int count() {
            long n = varint();
            if (n > remaining()) {
                throw new IllegalArgumentException("count " + n + " exceeds the " + remaining() + " bytes left");
            }
            return (int) n;
        }

        long zz() {
            long z = varint();
            return (z >>> 1) ^ -(z & 1);
        }

        long i64() {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        double f64() {
            return Double.longBitsToDouble(i64());
        }

        String str() {
            int n = count();
            need(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String nstr() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            int len = (int) (n - 1);
            need(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        String word(String[] words) {
            long i = varint();
            if (i >= words.length) {
                throw new IllegalArgumentException("word index " + i + " out of " + words.length);
            }
            return words[(int) i];
        }
    }
}
