#!/usr/bin/env python3
"""Generates redaction-set.tsv: call-centre sentences with personal data written and spoken the
way a recogniser writes it, plus negative controls. Fixed seed: re-running gives the same file.

Columns: text <TAB> types (|-separated) <TAB> secrets (|-separated substrings of text).
Negative controls have empty types and secrets.
Usage: python3 make_redaction_set.py > redaction-set.tsv
"""
import random

R = random.Random(20261122)
W = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def luhn_complete(prefix, length):
    d = [int(c) for c in prefix] + [R.randrange(10) for _ in range(length - len(prefix) - 1)]
    for check in range(10):
        s, dbl = 0, True
        for v in reversed(d):
            if dbl:
                v *= 2
                v = v - 9 if v > 9 else v
            s += v
            dbl = not dbl
        if (s + check) % 10 == 0:
            return "".join(map(str, d + [check]))


def digit_word(c, zero):
    return zero if c == "0" else W[int(c)]


def spoken_digits(s, style=None):
    style = style or R.choice(["plain", "oh", "double", "groups", "filler"])
    zero = "oh" if style in ("oh", "double") else R.choice(["zero", "oh"])
    out, i = [], 0
    while i < len(s):
        if style == "double" and i + 1 < len(s) and s[i] == s[i + 1]:
            if i + 2 < len(s) and s[i + 2] == s[i]:
                out.append("triple " + digit_word(s[i], zero)); i += 3; continue
            out.append("double " + digit_word(s[i], zero)); i += 2; continue
        out.append(digit_word(s[i], zero))
        i += 1
        if style == "groups" and i % 4 == 0 and i < len(s):
            out.append("dash")
        if style == "filler" and i == len(s) // 2:
            out.append("uh")
    return " ".join(out)


def pair_words(p):
    n = int(p)
    if p[0] == "0":
        return "oh " + W[int(p[1])]
    if n < 10:
        return W[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + W[n % 10])


def spoken_pairs(s):
    return " ".join(pair_words(s[i:i + 2]) if i + 1 < len(s) else W[int(s[i])] for i in range(0, len(s), 2))


def written_groups(s, sizes, sep):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k]); i += k
    return sep.join(out)


def card():
    kind = R.choice(["visa", "visa", "mc", "amex"])
    num = luhn_complete("4" if kind == "visa" else "5" + str(R.randint(1, 5)) if kind == "mc" else "3" + R.choice("47"),
                        15 if kind == "amex" else 16)
    sizes = [4, 6, 5] if kind == "amex" else [4, 4, 4, 4]
    form = R.choice(["spoken", "spoken", "spoken", "pairs", "written"])
    if form == "spoken":
        return spoken_digits(num)
    if form == "pairs":
        return spoken_pairs(num)
    return written_groups(num, sizes, R.choice([" ", "-", ""]))


def phone():
    form = R.choice(["us_spoken", "us_spoken", "us_written", "uk_spoken", "uk_mobile", "local", "plus1"])
    area = str(R.randint(201, 989)); ex = str(R.randint(200, 999)); line = "%04d" % R.randrange(10000)
    if form == "us_spoken":
        return spoken_digits(area + ex + line, R.choice(["plain", "oh", "double", "filler"]))
    if form == "us_written":
        return R.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s"]) % (area, ex, line)
    if form == "uk_spoken":
        return "plus four four " + spoken_digits("20" + "%08d" % R.randrange(10 ** 8), "oh")
    if form == "uk_mobile":
        return spoken_digits("07" + "%09d" % R.randrange(10 ** 9), R.choice(["oh", "double"]))
    if form == "plus1":
        return "+1 %s %s %s" % (area, ex, line)
    return spoken_digits(ex + line, R.choice(["plain", "oh", "double"]))


def ssn():
    s = "%03d%02d%04d" % (R.randint(100, 899), R.randint(1, 99), R.randint(1, 9999))
    form = R.choice(["spoken", "spoken", "written", "written_space"])
    if form == "spoken":
        return spoken_digits(s, R.choice(["plain", "oh", "double"]))
    return written_groups(s, [3, 2, 4], "-" if form == "written" else " ")


def long_id():
    n = R.choice([6, 8, 8, 10, 12])
    s = str(R.randint(1, 9)) + "".join(str(R.randrange(10)) for _ in range(n - 1))
    form = R.choice(["spoken", "spoken", "pairs", "written", "alnum", "letters"])
    if form == "spoken":
        return spoken_digits(s, R.choice(["plain", "oh", "double", "filler"]))
    if form == "pairs":
        return spoken_pairs(s)
    if form == "alnum":
        return R.choice(["AB", "XK", "QZ", "M"]) + s
    if form == "letters":
        return " ".join(R.sample("bcdfghjkmnpqrstvwxz", 2)) + " " + spoken_digits(s, "plain")
    return s


FIRST = ["john", "mary", "sarah", "david", "li", "maria", "ahmed", "emma", "james", "olivia", "raj", "chen"]
LAST = ["smith", "jones", "connor", "garcia", "nguyen", "patel", "brown", "wilson", "kim", "oconnor"]
DOMAINS = [("gmail", "com"), ("yahoo", "com"), ("outlook", "com"), ("hotmail", "co uk"), ("example", "org"),
           ("acme", "net"), ("icloud", "com"), ("company", "co")]


def email():
    f, l = R.choice(FIRST), R.choice(LAST)
    d, tld = R.choice(DOMAINS)
    num = R.choice(["", "", str(R.randint(1, 99))])
    form = R.choice(["spoken_dot", "spoken_dot", "spoken_plain", "spoken_underscore", "spelled", "written"])
    tld_sp = " dot ".join(tld.split())
    if form == "written":
        return "%s.%s%s@%s.%s" % (f, l, num, d, tld.replace(" ", "."))
    numw = (" " + spoken_pairs(num) if len(num) == 2 else " " + W[int(num)] if num else "")
    if form == "spoken_dot":
        local = "%s dot %s%s" % (f, l, numw)
    elif form == "spoken_underscore":
        local = "%s underscore %s%s" % (f, l, numw)
    elif form == "spelled":
        local = " ".join(f) + numw
    else:
        local = "%s %s%s" % (f, l, numw)
    return "%s at %s dot %s" % (local, d, tld_sp)


TEMPLATES = {
    "CARD": ["my card number is {}", "yeah it's {}", "the card is {} and it expires next year",
             "okay {}", "sure the long number on the front is {}", "uh my visa is {}",
             "credit card {} thanks", "it's a mastercard {}", "{}", "let me read it {} did you get that"],
    "PHONE": ["you can call me back on {}", "my phone number is {}", "my cell is {}", "the best number is {}",
              "reach me at {} after five", "{} that's my mobile", "it's {}", "call me on {} please",
              "the number you have is wrong it should be {}", "text me at {}"],
    "NATIONAL_ID": ["my social security number is {}", "the ssn is {}", "social is {}",
                    "my social security is {} I think", "for verification my social is {}",
                    "it's {} that's my social"],
    "NUMBER": ["my account number is {}", "the order number is {}", "my member id is {}",
               "reference number {}", "the policy number is {} I believe", "customer number {}",
               "the tracking number says {}", "my case number is {}", "confirmation number {}"],
    "EMAIL": ["my email is {}", "you can email me at {}", "it's {}", "send it to {} please",
              "the address is {}", "my e-mail address is {} thanks", "{}", "okay so it's {}"],
}
GEN = {"CARD": card, "PHONE": phone, "NATIONAL_ID": ssn, "NUMBER": long_id, "EMAIL": email}
COUNTS = {"CARD": 70, "PHONE": 70, "NATIONAL_ID": 45, "NUMBER": 60, "EMAIL": 60}

rows = []
for kind, count in COUNTS.items():
    for _ in range(count):
        secret = GEN[kind]()
        text = R.choice(TEMPLATES[kind]).format(secret)
        rows.append((text, kind, secret))
# two items in one utterance
for _ in range(20):
    a, b = R.sample(["CARD", "PHONE", "EMAIL", "NUMBER"], 2)
    sa, sb = GEN[a](), GEN[b]()
    rows.append(("first %s and then %s" % (sa, sb), a + "|" + b, sa + "|" + sb))

NEGATIVE = """I waited for two hours on hold
it cost twenty dollars
oh I see thank you
I've been a customer since two thousand and five
they charged me fifteen thousand dollars
call me back at three thirty
I called five times in twenty twenty four
I'm at home right now
look at that
twenty four seven support would be nice
I was born in nineteen eighty five
the one with the blue screen
oh okay oh no
my son is twelve and my daughter is nine
we have three or four phones in the house
the bill went from fifty to ninety dollars
I paid three hundred and forty dollars last month
it's about fifteen hundred a month
room two oh four
the flight was at seven forty five
my card was charged twenty nine ninety nine
the charge was four hundred and fifty six dollars and seventy cents
I have been waiting for forty five minutes
it happened on the twenty third of march
my number one priority is getting this fixed
can you give me a hundred percent guarantee
I need it done in ten days
at least two or three times a week
I was at the store at about nine
the dot on the screen keeps blinking
I rated it five stars
the last four digits of the card are four five six seven
it was a thousand times better before
I'm looking at my phone bill right now
the phone is a model twelve
our office is on the fifth floor
I live at twenty two baker street
the package weighs about three kilos
the year two thousand was better
I bought it on black friday for two ninety nine
ninety nine percent of the time it works
they said one to two business days
the store at the mall closes at nine
I've got two cards and one account
please hold for one moment
do you take visa
I want to cancel my account
my phone number changed last month
can I have your email address
what's your reference
I forgot my pin
the account was opened in twenty nineteen
that's the third time this week
I'm sixty five years old
I've had this phone for three years
you owe me fifty bucks
I'll call you back in five minutes
section four point two of the contract
I was charged twice for the same thing
thirty days is too long
version eleven point two
it's channel two oh six
the temperature was minus five
twelve thirty is fine
they promised me at noon
about eight or nine people called
one two three testing
the ticket cost eighty five pounds
half past ten
seven eleven is around the corner
the twenty fifth of december
we moved here in two thousand and twelve
the price went up by ten percent
I spent about two hundred thousand on the house
it took them ninety days
I'll be at work until six
at the end of the day it's your fault
look at the top right corner
it's at the bottom of the page
I'm at a loss here
I'm sorry I'm at the doctor
say hi to the team
we had a one on one meeting
the score was three to one
there are fifty states
give me two seconds
hundreds of customers complain
a couple of thousand dollars
it's my first time calling
it's between five and ten dollars
turn it off and on again
I got the email at nine
sign me up for the ninety nine plan
I'm calling about the forty dollar charge
the router is about four years old
the speed was only twelve megabits
I need two more days
press one for english
I pressed zero three times
""".strip().splitlines()
# Postal addresses are personal data too: the one address among these sentences is a positive.
ADDRESSES = {"I live at twenty two baker street": "twenty two baker street"}
for t in NEGATIVE:
    rows.append((t, "ADDRESS", ADDRESSES[t]) if t in ADDRESSES else (t, "", ""))

R.shuffle(rows)
for r in rows:
    print("\t".join(r))
