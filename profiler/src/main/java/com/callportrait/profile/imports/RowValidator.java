package com.callportrait.profile.imports;

import com.callportrait.profile.PhoneNumbers;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.Tier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one CSV record's fields into a {@link CustomerRow} or a reason. Stateless, thread-safe. */
final class RowValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9 _/-]{0,39}");
    static final int MAX_OPEN_COMPLAINTS = 100;

    private final PhoneOptions phoneOptions;

    RowValidator(PhoneOptions phoneOptions) {
        this.phoneOptions = phoneOptions;
    }

    /** A valid row, or the reason it is not. Fields maps lower-case column names to trimmed values. */
    Result validate(long line, Map<String, String> f) {
        String id = f.getOrDefault("customer_id", "");
        if (id.isEmpty()) {
            return Result.bad("missing customer_id");
        }
        if (!ID.matcher(id).matches()) {
            return Result.bad("bad customer_id '" + id + "': use 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        // Any label is a tier (the routing rules say what it means); a customer without one is a
        // standard customer, as the portrait engine's cleaning step treats a missing tier.
        String tierText = f.getOrDefault("tier", "");
        Tier tier;
        try {
            tier = tierText.isBlank() ? Tier.STANDARD : Tier.parse(tierText);
        } catch (IllegalArgumentException e) {
            return Result.bad("bad tier: " + e.getMessage());
        }
        List<String> phones = new ArrayList<>();
        String phoneCell = f.getOrDefault("phone", "");
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : phoneCell.split(";")) {
            if (raw.isBlank()) {
                continue;
            }
            try {
                PhoneNumbers.parse(raw, phoneOptions).ifPresent(unique::add);
            } catch (IllegalArgumentException e) {
                return Result.bad("bad phone: " + e.getMessage());
            }
        }
        phones.addAll(unique);
        if (phones.isEmpty()) {
            return Result.bad("missing phone" + (phoneCell.isEmpty() ? "" : " ('" + phoneCell + "' is no number)"));
        }
        String language = f.getOrDefault("language", "");
        if (language.isEmpty()) {
            language = "en";
        } else if (!LANGUAGE.matcher(language).matches()) {
            return Result.bad("bad language '" + language + "': expected a tag such as en, es or zh-CN");
        }
        Double value = null;
        String valueText = f.getOrDefault("lifetime_value", "");
        if (!valueText.isEmpty()) {
            try {
                value = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                return Result.bad("bad lifetime_value '" + valueText + "': not a number");
            }
            if (value.isNaN() || value.isInfinite()) {
                return Result.bad("bad lifetime_value '" + valueText + "': not a finite number");
            }
            if (value < 0) {
                return Result.bad("negative lifetime_value " + valueText);
            }
        }
        Integer open = null;
        String openText = f.getOrDefault("open_complaints", "");
        if (!openText.isEmpty()) {
            try {
                open = Integer.parseInt(openText);
            } catch (NumberFormatException e) {
                return Result.bad("bad open_complaints '" + openText + "': not a whole number");
            }
            if (open < 0) {
                return Result.bad("negative open_complaints " + openText);
            }
            if (open > MAX_OPEN_COMPLAINTS) {
                return Result.bad("open_complaints " + open + " is implausible (more than " + MAX_OPEN_COMPLAINTS + ")");
            }
        }
        String topic = f.getOrDefault("last_topic", "").toLowerCase(Locale.ROOT);
        if (!topic.isEmpty() && !TOPIC.matcher(topic).matches()) {
            return Result.bad("bad last_topic '" + f.get("last_topic") + "': expected a short topic word such as billing");
        }
        return Result.ok(new CustomerRow(line, id, f.getOrDefault("name", ""), phones, tier, language, value, open,
                topic.isEmpty() ? null : topic));
    }

    record Result(Optional<CustomerRow> row, String reason) {
        static Result ok(CustomerRow row) {
            return new Result(Optional.of(row), "");
        }

        static Result bad(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
