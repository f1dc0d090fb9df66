package com.callportrait.profile.imports;

import com.callportrait.profile.CustomerProfile;
import com.callportrait.profile.NextContact;
import com.callportrait.profile.PhoneOptions;
import com.callportrait.profile.Tag;
import com.callportrait.profile.Tier;
import com.callportrait.profile.memory.InMemoryProfileStore;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerCsvImporterTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final CustomerCsvImporter importer = CustomerCsvImporter.create(PhoneOptions.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));

    ImportReport load(String csv, InMemoryProfileStore store) throws Exception {
        return importer.importInto(new StringReader(csv), store);
    }

    static CustomerProfile find(InMemoryProfileStore store, String phone) {
        return store.findByPhone(phone).toCompletableFuture().join().orElse(null);
    }

    @Test
    void goodRowsLoadWithEveryOptionalColumn() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = load("""
                customer_id,phone,name,tier,language,lifetime_value,open_complaints,last_topic
                C1001,5551234,Jane Doe,gold,en,5230.50,1,Billing
                C1002,+1 555 010 1002;(555) 010-2002,"Chen, Robert",PLATINUM,zh-CN,,,
                """, store);
        assertThat(report.loaded()).isEqualTo(2);
        assertThat(report.rejected()).isEmpty();
        assertThat(report.summary()).isEqualTo("loaded 2, rejected 0");

        CustomerProfile jane = find(store, "\"Jane Doe\" <5551234>");
        assertThat(jane.customerId()).isEqualTo("C1001");
        assertThat(jane.tier()).isEqualTo(Tier.GOLD);
        assertThat(jane.lifetimeValue()).isEqualTo(5230.50);
        assertThat(jane.openComplaints()).isEqualTo(1);
        assertThat(jane.openIssues().get(0).topic()).isEqualTo("billing");
        assertThat(jane.lastTopic()).contains("billing");
        assertThat(jane.lastTopics().get(0).outcome()).isEqualTo("unresolved");
        assertThat(jane.updatedAt()).isEqualTo(NOW);

        CustomerProfile robert = find(store, "15550102002");
        assertThat(robert.name()).isEqualTo("Chen, Robert");
        assertThat(robert.phones()).containsExactly("15550101002", "15550102002");
        assertThat(robert.language()).isEqualTo("zh-CN");
        assertThat(robert.lifetimeValue()).isZero();
        assertThat(robert.openIssues()).isEmpty();
        assertThat(robert.lastTopics()).isEmpty();
    }

    @Test
    void everyTierLabelTheCrmUsesLoads() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = load("""
                customer_id,phone,name,tier,language
                V1,5550101,Vera,vip,en
                P1,5550102,Paul,Premium,en
                G1,5550103,Gina,gold,en
                E1,5550104,Ed,ENTERPRISE,en
                D1,5550105,Dan,diamond club,en
                N1,5550106,Nia,,en
                """, store);
        assertThat(report.summary()).isEqualTo("loaded 6, rejected 0");
        assertThat(find(store, "5550101").tier()).isEqualTo(Tier.parse("vip"));
        assertThat(find(store, "5550102").tier().wireName()).isEqualTo("premium");
        assertThat(find(store, "5550103").tier()).isEqualTo(Tier.GOLD);
        assertThat(find(store, "5550104").tier().wireName()).isEqualTo("enterprise");
        assertThat(find(store, "5550105").tier().wireName()).isEqualTo("diamond-club");
        assertThat(find(store, "5550106").tier()).isEqualTo(Tier.STANDARD);
    }

    @Test
    void eachBadRowIsRejectedWithItsLineAndReasonAndGoodRowsStillLoad() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = load("""
                customer_id,phone,name,tier,language,lifetime_value,open_complaints,last_topic
                C1,5550001,Ann,gold,en,10,0,billing
                ,5550002,No Id,gold,en,,,
                C3,5550003,Bad Tier,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,en,,,
                C4,555-CALL-NOW,Bad Phone,gold,en,,,
                C5,5550005,Negative,silver,en,-5,,
                C1,5550006,Duplicate,gold,en,,,
                C7,"5550007,Broken Quote,gold,en,,,
                C8,5550008,Too Few,gold,en
                C9,5550009,Too,Many,gold,en,1,2,3
                C10,unknown,No Phone,gold,en,,,
                C11,5550011,Bad Count,gold,en,,three,
                C12,5550012,Bad Lang,gold,english!,,,
                C13,5550013,NaN Value,gold,en,NaN,,
                C14,5550014,Zoe,standard,,,,
                """, store);
        assertThat(report.loaded()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RowProblem::toString).containsExactly(
                "line 3: missing customer_id",
                "line 4 (C3): bad tier: tier 'xxxxxxxxxxxxxxxxxxxx...' is longer than 64 characters",
                "line 5 (C4): bad phone: unexpected character 'C' in phone number '555-CALL-NOW'",
                "line 6 (C5): negative lifetime_value -5",
                "line 7 (C1): duplicate customer_id, first given on line 2",
                "line 8: malformed CSV: unterminated quoted field",
                "line 9 (C8): wrong number of fields: 5, the header has 8",
                "line 10 (C9): wrong number of fields: 9, the header has 8",
                "line 11 (C10): missing phone ('unknown' is no number)",
                "line 12 (C11): bad open_complaints 'three': not a whole number",
                "line 13 (C12): bad language 'english!': expected a tag such as en, es or zh-CN",
                "line 14 (C13): bad lifetime_value 'NaN': not a finite number");
        assertThat(report.summary()).isEqualTo("loaded 2, rejected 12 (1 duplicate id)");
        assertThat(find(store, "5550001").name()).isEqualTo("Ann");
        assertThat(find(store, "5550014").language()).isEqualTo("en");
        assertThat(find(store, "5550006")).isNull();
    }

    @Test
    void headerIsMatchedByNameInAnyOrderAndCase() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = load("\uFEFF# exported from CRM\nTier, Language ,Name,Phone,Customer_ID,crm_owner\n"
                + "\nsilver,es,María,+1 555 010 3003,C3003,bob\n", store);
        assertThat(report.loaded()).isEqualTo(1);
        assertThat(report.warnings()).extracting(RowProblem::toString)
                .containsExactly("line 2: column 'crm_owner' is not used and is ignored");
        assertThat(find(store, "5550103003").name()).isEqualTo("María");
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileWithTheColumnName() {
        assertThatThrownBy(() -> load("customer_id,phone,name,language\nC1,5550001,Ann,en\n", InMemoryProfileStore.create()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks required column(s) tier");
        assertThatThrownBy(() -> load("", InMemoryProfileStore.create())).hasMessageContaining("empty");
    }

    @Test
    void aPhoneGivenToTwoCustomersIsAWarningAndTheLaterRowWins() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        ImportReport report = load("customer_id,phone,name,tier,language\nC1,5550001,Ann,gold,en\nC2,555-0001,Bo,gold,en\n", store);
        assertThat(report.loaded()).isEqualTo(2);
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.warnings().get(0).reason()).contains("also given to C1 on line 2");
        assertThat(find(store, "5550001").customerId()).isEqualTo("C2");
    }

    @Test
    void reimportKeepsWhatThePortraitEngineComputed() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        CustomerProfile built = new CustomerProfile("C1", "Ann", List.of("5550001"), Tier.SILVER, "en", "high-value", 900,
                0.9, 0.8, 0.3, List.of(), List.of(), List.of(new Tag("segment", "high-value", "k-means cluster 2")), NOW.minusSeconds(60));
        store.save(built);
        load("customer_id,phone,name,tier,language,lifetime_value\nC1,5550009,Ann B,gold,en,\n", store);
        CustomerProfile after = find(store, "5550009");
        assertThat(after.tier()).isEqualTo(Tier.GOLD);
        assertThat(after.name()).isEqualTo("Ann B");
        assertThat(after.segment()).isEqualTo("high-value");
        assertThat(after.valueScore()).isEqualTo(0.9);
        assertThat(after.lifetimeValue()).isEqualTo(900);
        assertThat(after.tags()).isEqualTo(built.tags());
        assertThat(find(store, "5550001")).isNull();
    }

    @Test
    void reimportKeepsTheLearnedOutlookAndModelVersionsAndANewCustomerSaysNothingIsBuiltYet() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        NextContact next = new NextContact(0.4, 0.7, "meter reading", "called every month");
        CustomerProfile built = new CustomerProfile("C1", "Ann", List.of("5550001"), Tier.SILVER, "en", "high-value",
                900, 0.9, 0.8, 0.3, List.of(), List.of(), List.of(), NOW.minusSeconds(60), "offer a meter visit",
                java.util.Map.of(), 0.35, next, java.util.Map.of("segment", 3, "complaint_risk", 4));
        store.save(built);
        load("customer_id,phone,name,tier,language,lifetime_value\nC1,5550001,Ann,gold,en,\nC2,5550002,Bo,silver,en,\n",
                store);
        CustomerProfile again = find(store, "5550001");
        assertThat(again.churnRisk()).isEqualTo(0.35);
        assertThat(again.nextContact()).isEqualTo(next);
        assertThat(again.models()).isEqualTo(built.models());
        assertThat(again.nextBestAction()).isEqualTo("offer a meter visit");
        assertThat(again.unavailable()).isEmpty();
        CustomerProfile fresh = find(store, "5550002");
        assertThat(fresh.unavailable()).containsOnlyKeys(CustomerProfile.SEGMENT, CustomerProfile.COMPLAINT_RISK,
                CustomerProfile.VALUE_SCORE, CustomerProfile.CHURN_RISK, CustomerProfile.NEXT_CONTACT)
                .containsValue(CustomerRow.NOT_BUILT_YET);
    }

    @Test
    void rowsTheStoreFailsToSaveAreReportedNotLost() throws Exception {
        InMemoryProfileStore store = InMemoryProfileStore.create();
        store.close();
        ImportReport report = load("customer_id,phone,name,tier,language\nC1,5550001,Ann,gold,en\n", store);
        assertThat(report.loaded()).isZero();
        assertThat(report.rejected()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("not stored: ").contains("closed");
        });
        assertThat(report.lines()).first().isEqualTo("loaded 0, rejected 1");
    }

    @Test
    void parseDoesNotStore() throws Exception {
        ParsedCustomers parsed = importer.parse(new StringReader("customer_id,phone,name,tier,language\nC1,5550001,Ann,gold,en\n"));
        assertThat(parsed.rows()).singleElement().extracting(CustomerRow::phones).isEqualTo(List.of("5550001"));
        assertThat(importer.toProfiles(parsed)).singleElement().extracting(CustomerProfile::segment).isEqualTo("unassigned");
        assertThat(Optional.of(parsed.rejected())).get().asList().isEmpty();
    }
}
