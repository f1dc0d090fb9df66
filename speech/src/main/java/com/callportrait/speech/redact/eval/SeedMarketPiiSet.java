package com.callportrait.speech.redact.eval;

import static com.callportrait.speech.redact.eval.GeneratedRows.digits;
import static com.callportrait.speech.redact.eval.GeneratedRows.luhn;
import static com.callportrait.speech.redact.eval.GeneratedRows.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible (seeded) test set of the personal data of the Chinese market, as callers say it
 * in English (and a recogniser writes it: number words, "oh", "double", "x" for the check
 * character) and as agents type it in notes (digits, grouped or not, Chinese sentences):
 * <ul>
 *   <li>{@code PHONE:cn-mobile}: 11-digit mobiles 1[3-9]..., bare, grouped 3-4-4, with +86, 86
 *       or 0086;</li>
 *   <li>{@code NATIONAL_ID:cn-resident-id}: 18-character resident identity numbers with a valid
 *       GB 11643 check character (about one in eleven ends in X), real region prefixes and birth
 *       dates, contiguous, grouped 6-8-4 or spoken;</li>
 *   <li>{@code CARD:bank-card}: Luhn-valid bank cards of 16-19 digits (UnionPay 62..., Visa,
 *       Mastercard), in groups of four;</li>
 *   <li>{@code ADDRESS:address-en}: house number, street, street type, sometimes a unit and a
 *       town ("42 elm street springfield", "forty two elm street");</li>
 *   <li>{@code ADDRESS:address-zh}: 省/市/区 + road + number, sometimes building and room
 *       (北京市朝阳区建国路88号, 阳光花园3栋502室).</li>
 * </ul>
 * Rows are {@code text TAB TYPE:category TAB secret}, the format {@link RedactionScore} reads.
 * Stateless; the same seed gives the same rows.
 */
public final class SeedMarketPiiSet {

    private static final String[] MOBILE_PREFIX = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
        "147", "150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
        "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"};
    private static final String[] REGION = {"110105", "110108", "310104", "310115", "440305", "440106", "320102",
        "330106", "510107", "420111", "610113", "370202", "500103", "120101", "210102", "350203"};
    private static final String[] EN_PHONE_T = {"my mobile is %s", "you can call me on %s", "my number is %s",
        "it's %s", "text me at %s please", "my cell number is %s", "%s that's my mobile", "the best number is %s"};
    private static final String[] ZH_PHONE_T = {"我的手机号是%s", "手机%s", "请打%s联系我", "电话是%s，谢谢", "我的号码%s"};
    private static final String[] EN_ID_T = {"my id number is %s", "the id card number is %s", "my resident id is %s",
        "it's %s", "my identity card is %s thanks", "id %s"};
    private static final String[] ZH_ID_T = {"我的身份证号码是%s", "身份证号%s", "证件号码是%s，请核对", "身份证%s"};
    private static final String[] EN_CARD_T = {"my bank card is %s", "the card number is %s", "it's a union pay card %s",
        "my debit card %s", "card %s", "okay %s that's the card"};
    private static final String[] ZH_CARD_T = {"我的银行卡号是%s", "卡号%s", "银行卡%s，工商银行", "请退到这张卡%s"};
    private static final String[] STREETS = {"elm", "main", "oak", "maple", "park", "pine", "cedar", "washington",
        "lake", "hill", "church", "high", "station", "king", "queen", "victoria", "market", "river", "sunset",
        "jefferson", "lincoln", "madison", "willow", "chestnut", "mill", "bridge", "north", "south"};
    private static final String[] SECOND = {"", "", "", "valley", "ridge", "creek", "spring", "view"};
    private static final String[] TYPES = {"street", "avenue", "road", "lane", "drive", "boulevard", "court", "way",
        "place", "terrace", "st", "ave", "rd"};
    private static final String[] TOWNS = {"springfield", "riverside", "fairview", "oakland", "brighton",
        "manchester", "bristol", "austin", "denver", "portland", "salem", "leeds", ""};
    private static final String[] EN_ADDR_T = {"i live at %s", "my address is %s", "send it to %s",
        "the delivery address is %s please", "we moved to %s last year", "it's %s", "ship it to %s thanks",
        "my new address is %s"};
    private static final String[] PROVINCE = {"", "", "广东省", "浙江省", "江苏省", "四川省", "湖北省"};
    private static final String[] CITY = {"北京市", "上海市", "深圳市", "广州市", "杭州市", "南京市", "成都市", "武汉市"};
    private static final String[] DISTRICT = {"朝阳区", "海淀区", "浦东新区", "南山区", "天河区", "西湖区", "鼓楼区",
        "武侯区", "江汉区", "福田区"};
    private static final String[] ROAD = {"建国路", "中山路", "人民路", "世纪大道", "科技园路", "解放大街", "南京东路",
        "长安街", "文一西路", "东风巷"};
    private static final String[] ESTATE = {"阳光花园", "金色家园", "翠湖小区", "万科城市花园", "绿地公寓"};
    private static final String[] ZH_ADDR_T = {"我住在%s", "地址是%s", "请寄到%s", "我家在%s", "收货地址：%s，谢谢",
        "送到%s"};
    private static final String[] ZH_NUM = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private SeedMarketPiiSet() {
    }

    /** {@code n} rows, a fifth each of mobiles, resident ids, bank cards, English and Chinese addresses. */
    public static List<String> generate(int n, long seed) {
        Random r = new Random(seed);
        List<String> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(switch (i % 5) {
                case 0 -> mobile(r);
                case 1 -> residentId(r);
                case 2 -> bankCard(r);
                case 3 -> englishAddress(r);
                default -> chineseAddress(r);
            });
        }
        return rows;
    }

    private static String mobile(Random r) {
        String number = pick(MOBILE_PREFIX, r) + digits(8, r);
        boolean chinese = r.nextInt(4) == 0;
        String secret;
        int form = r.nextInt(8);
        if (chinese || form < 2) {
            String[] written = {number, number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7),
                number.substring(0, 3) + "-" + number.substring(3, 7) + "-" + number.substring(7), "+86 " + number,
                "+86" + number, "0086 " + number, "86-" + number};
            secret = written[r.nextInt(written.length)];
        } else if (form == 2) {
            secret = "plus eight six " + SpokenPiiSet.say(number, new int[] {3, 4, 4}, r, false);
        } else {
            secret = SpokenPiiSet.say(number, new int[] {3, 4, 4}, r, false);
        }
        return row(chinese ? pick(ZH_PHONE_T, r) : pick(EN_PHONE_T, r), "PHONE:cn-mobile", secret);
    }

    private static String residentId(Random r) {
        int year = 1950 + r.nextInt(56);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        String body = pick(REGION, r) + year + two(month) + two(day) + digits(3, r);
        String id = body + checkCharacter(body);
        boolean chinese = r.nextInt(4) == 0;
        String secret;
        int form = r.nextInt(6);
        if (chinese || form == 0) {
            secret = r.nextBoolean() ? id : id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
        } else if (form == 1) {
            secret = id.toLowerCase(java.util.Locale.ROOT);
        } else {
            String said = SpokenPiiSet.say(body, new int[] {6, 8, 3}, r, false);
            boolean written = said.matches("[0-9 -]+");
            // the check character: a letter said as "x", or a digit said like the others
            String check = written ? id.substring(17)
                    : id.endsWith("X") ? "x" : SpokenPiiSet.spell(id.substring(17), r, false);
            secret = said + " " + check;
        }
        return row(chinese ? pick(ZH_ID_T, r) : pick(EN_ID_T, r), "NATIONAL_ID:cn-resident-id", secret);
    }

    private static String bankCard(Random r) {
        int length = 16 + r.nextInt(4);
        int kind = r.nextInt(4);
        String prefix = kind < 2 ? "62" + (r.nextBoolean() ? "2" : "1") : kind == 2 ? "4" : "5" + (1 + r.nextInt(5));
        String number = luhn(prefix, length, r);
        int[] groups = length == 16 ? new int[] {4, 4, 4, 4} : new int[] {4, 4, 4, 4, length - 16};
        boolean chinese = r.nextInt(4) == 0;
        String secret;
        if (chinese) {
            secret = r.nextBoolean() ? number : String.join(" ", number.split("(?<=\\G....)"));
        } else {
            secret = SpokenPiiSet.say(number, groups, r, true);
        }
        return row(chinese ? pick(ZH_CARD_T, r) : pick(EN_CARD_T, r), "CARD:bank-card", secret);
    }

    private static String englishAddress(Random r) {
        int house = r.nextInt(10) < 7 ? 1 + r.nextInt(199) : 200 + r.nextInt(9800);
        String number = switch (r.nextInt(5)) {
            case 0, 1 -> Integer.toString(house);
            case 2 -> SpokenPiiSet.spell(Integer.toString(house), r, false);
            default -> words(house);
        };
        if (number.matches("[0-9]+") && r.nextInt(8) == 0) {
            number += r.nextBoolean() ? "b" : "a";
        }
        String street = pick(STREETS, r);
        String second = pick(SECOND, r);
        String address = number + " " + street + (second.isEmpty() ? "" : " " + second) + " " + pick(TYPES, r);
        if (r.nextInt(5) == 0) {
            address += " apartment " + (1 + r.nextInt(30)) + (r.nextBoolean() ? "" : " b");
        }
        String town = pick(TOWNS, r);
        if (!town.isEmpty() && r.nextBoolean()) {
            address += (r.nextInt(3) == 0 ? ", " : " ") + town;
        }
        return row(pick(EN_ADDR_T, r), "ADDRESS:address-en", address);
    }

    private static String chineseAddress(Random r) {
        StringBuilder a = new StringBuilder();
        String city = pick(CITY, r);
        if (!city.equals("北京市") && !city.equals("上海市")) {
            a.append(pick(PROVINCE, r));
        }
        if (r.nextInt(5) > 0) {
            a.append(city);
        }
        a.append(pick(DISTRICT, r));
        if (r.nextInt(4) == 0) {
            a.append(pick(ESTATE, r)).append(1 + r.nextInt(30)).append("栋");
        } else {
            int door = 1 + r.nextInt(300);
            a.append(pick(ROAD, r)).append(r.nextInt(5) == 0 ? chineseNumber(door) : Integer.toString(door)).append("号");
        }
        if (r.nextBoolean()) {
            if (a.charAt(a.length() - 1) == '号') {
                a.append(1 + r.nextInt(20)).append(r.nextBoolean() ? "栋" : "号楼");
            }
            if (r.nextBoolean()) {
                a.append(1 + r.nextInt(6)).append("单元");
            }
            a.append(100 * (1 + r.nextInt(30)) + 1 + r.nextInt(8)).append("室");
        }
        return row(pick(ZH_ADDR_T, r), "ADDRESS:address-zh", a.toString());
    }

    /** GB 11643 check character of the 17 leading digits. */
    static char checkCharacter(String body) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static String words(int n) {
        String[] units = "zero one two three four five six seven eight nine".split(" ");
        String[] teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
        String[] tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
        if (n >= 100) {
            int hi = n / 100;
            int lo = n % 100;
            // house numbers are said in pairs: "twelve oh five", "forty two seventeen"
            return (hi < 10 ? units[hi] : words(hi)) + " " + (lo == 0 ? "hundred" : lo < 10 ? "oh " + units[lo] : words(lo));
        }
        if (n < 10) {
            return units[n];
        }
        if (n < 20) {
            return teens[n - 10];
        }
        return tens[n / 10] + (n % 10 == 0 ? "" : " " + units[n % 10]);
    }

    private static String chineseNumber(int n) {
        if (n < 10) {
            return ZH_NUM[n];
        }
        if (n < 100) {
            return (n / 10 == 1 ? "" : ZH_NUM[n / 10]) + "十" + (n % 10 == 0 ? "" : ZH_NUM[n % 10]);
        }
        return ZH_NUM[n / 100] + "百" + (n % 100 == 0 ? "" : n % 100 < 10 ? "零" + ZH_NUM[n % 100]
                : (n % 100 / 10 == 0 ? "" : ZH_NUM[n % 100 / 10]) + "十" + (n % 10 == 0 ? "" : ZH_NUM[n % 10]));
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }
}
