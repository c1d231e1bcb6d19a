package org.asylumcasetracker.platform.persistence;

import static org.asylumcasetracker.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asylumcasetracker.support.Mother;
import org.asylumcasetracker.support.Organizations;
import org.asylumcasetracker.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row-level security as a second wall between organizations: a query that forgets its organization filter,
 * run through the service's own connection pool inside a request of one organization, returns none of
 * another's rows and cannot write any. The test database is the README's single-role setup (one role, not a
 * superuser, owns the tables and runs the service), so the policies hold only because they are forced.
 */
@QuarkusTest
class RowSecurityTest {

    private static final String DEMO = Organizations.DEMO;
    private static final String OTHER_CLINIC = Organizations.OTHER_CLINIC;
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    EntityManager em;

    private static boolean seeded;

    @BeforeEach
    void clientsInBothOrganizations() {
        if (seeded) {
            return;
        }
        seeded = true;
        Organizations.ensureDemoTenants();
        Mother.createClient(TestTokens.ALICE);
        Mother.createClient(TestTokens.CAROL);
    }

    @Test
    void theServiceRoleIsNeitherSuperuserNorBypassesRowSecurity() {
        Object[] role = across(() -> (Object[]) em.createNativeQuery(
                        "select rolsuper, rolbypassrls, current_user from pg_roles where rolname = current_user")
                .getSingleResult());
        assertThat("superuser", role[0], is(false));
        assertThat("bypasses row-level security", role[1], is(false));
        long ownedByTheServiceRole = across(() -> ((Number) em.createNativeQuery(
                                "select count(*) from pg_class where relname = 'client' and relowner = (select oid"
                                        + " from pg_roles where rolname = current_user)")
                        .getSingleResult())
                .longValue());
        assertThat("the service role owns the tables", ownedByTheServiceRole, is(1L));
    }

    @Test
    void everyTableWithAnOrganizationColumnForcesRowSecurity() {
        List<?> unguarded = across(() -> em.createNativeQuery("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                        where c.relkind = 'r'
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                      and a.attname = 'organization_id' and not a.attisdropped)
                          and not (c.relrowsecurity and c.relforcerowsecurity
                                   and exists (select 1 from pg_policy p where p.polrelid = c.oid))
                        order by 1""").getResultList());
        assertThat(
                "tables of one organization's data without forced row-level security"
                        + " (add: select enable_organization_row_security('<table>'); in a migration)",
                unguarded,
                is(empty()));
    }

    /**
     * The planner multiplies a policy's estimated share of rows with the query's own filter on the same organization.
     * A policy written as an OR of two comparisons was estimated at about one organization's share, so the planner
     * expected a tiny fraction of an organization's rows and chose nested loops that took seconds; the policy must
     * leave an organization's estimate within a small factor of its real count.
     */
    @Test
    void thePolicyLeavesTheRowEstimateOfAnOrganizationNearItsCount() {
        int organizations = 20;
        int rowsEach = 500;
        across(() -> {
            em.createNativeQuery("create table row_estimate_probe (organization_id varchar(63) not null, n integer)")
                    .executeUpdate();
            em.createNativeQuery("insert into row_estimate_probe select 'probe-' || (i % " + organizations + "), i"
                            + " from generate_series(1, " + organizations * rowsEach + ") i")
                    .executeUpdate();
            em.createNativeQuery("select enable_organization_row_security('row_estimate_probe')")
                    .getSingleResult();
            em.createNativeQuery("analyze row_estimate_probe").executeUpdate();
            return null;
        });
        try {
            Object[] estimateAndCount = OrganizationScope.ofOrganization(
                    "probe-1",
                    () -> QuarkusTransaction.requiringNew().call(() -> new Object[] {
                        em.createNativeQuery(
                                        "explain (format json) select n from row_estimate_probe where organization_id = 'probe-1'")
                                .getSingleResult()
                                .toString(),
                        em.createNativeQuery(
                                        "select count(*) from row_estimate_probe where organization_id = 'probe-1'")
                                .getSingleResult()
                    }));
            assertThat("rows visible", ((Number) estimateAndCount[1]).intValue(), is(rowsEach));
            Matcher planRows = Pattern.compile("\"Plan Rows\":\\s*(\\d+)").matcher((String) estimateAndCount[0]);
            assertThat("a plan with an estimate: " + estimateAndCount[0], planRows.find(), is(true));
            assertThat(
                    "estimated rows of one organization (" + rowsEach + " rows)",
                    Integer.parseInt(planRows.group(1)),
                    greaterThanOrEqualTo(rowsEach / 3));
            // and every guarded table has the policy this function writes (the column aside)
            List<?> otherForms = across(() -> em.createNativeQuery("""
                            select p.tablename from pg_policies p, pg_policies probe
                            where probe.tablename = 'row_estimate_probe' and p.policyname = 'organization_rows'
                              and replace(replace(p.qual, '(id)::text', '(organization_id)::text'),
                                          '(scope)::text', '(organization_id)::text') <> probe.qual
                            order by 1""").getResultList());
            assertThat("tables whose policy differs from enable_organization_row_security's", otherForms, is(empty()));
        } finally {
            across(() -> em.createNativeQuery("drop table row_estimate_probe").executeUpdate());
        }
    }

    @Test
    void anUnfilteredReadInARequestSeesOnlyTheCallersOrganization() {
        // Alternating callers: the pool's few connections serve both organizations in turn, with and without a
        // transaction.
        for (int round = 0; round < 10; round++) {
            for (boolean transactional : new boolean[] {true, false}) {
                unfilteredReadsSeeOwnOrganization(transactional);
            }
        }
    }

    private static void unfilteredReadsSeeOwnOrganization(boolean transactional) {
        as(TestTokens.ALICE)
                .queryParam("transactional", transactional)
                .get("/test-only/unscoped/client-organizations")
                .then()
                .statusCode(200)
                .body("", contains(DEMO));
        as(TestTokens.CAROL)
                .queryParam("transactional", transactional)
                .get("/test-only/unscoped/client-organizations")
                .then()
                .statusCode(200)
                .body("", contains(OTHER_CLINIC));
    }

    @Test
    void anUnfilteredWriteInARequestCannotReachAnotherOrganizationsRows() {
        as(TestTokens.ALICE)
                .post("/test-only/unscoped/feed-entry/" + OTHER_CLINIC)
                .then()
                .statusCode(200)
                .body(equalTo(INSUFFICIENT_PRIVILEGE));
        as(TestTokens.ALICE)
                .post("/test-only/unscoped/touch-clients/" + OTHER_CLINIC)
                .then()
                .statusCode(200)
                .body(equalTo("0"));
        // The same statements for the caller's own organization do reach its rows.
        as(TestTokens.ALICE)
                .post("/test-only/unscoped/feed-entry/" + DEMO)
                .then()
                .statusCode(200)
                .body(equalTo("written"));
        String touched = as(TestTokens.ALICE)
                .post("/test-only/unscoped/touch-clients/" + DEMO)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Integer.valueOf(touched), greaterThan(0));
    }

    @Test
    void workForNoOrganizationSeesNoRowAndWorkAcrossOrganizationsSaysSo() {
        // After requests of both organizations, a connection of the same pool taken for no one sees nothing.
        unfilteredReadsSeeOwnOrganization(false);
        unfilteredReadsSeeOwnOrganization(true);
        for (int i = 0; i < 10; i++) {
            assertThat(QuarkusTransaction.requiringNew().call(this::distinctClientOrganizations), is(empty()));
            assertThat(distinctClientOrganizations(), is(empty()));
        }
        assertThat(across(this::distinctClientOrganizations), hasItems(DEMO, OTHER_CLINIC));
        assertThat(
                OrganizationScope.ofOrganization(
                        OTHER_CLINIC, () -> QuarkusTransaction.requiringNew().call(this::distinctClientOrganizations)),
                contains(OTHER_CLINIC));
    }

    @Test
    void aScopeIsChosenBeforeItsTransactionBegins() {
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> OrganizationScope.acrossOrganizations(this::distinctClientOrganizations)));
    }

    @Test
    void aRequestOfOneOrganizationCannotWorkAcrossOrganizations() {
        as(TestTokens.ALICE)
                .post("/test-only/unscoped/across-organizations")
                .then()
                .statusCode(200)
                .body(equalTo("refused"));
    }

    @SuppressWarnings("unchecked")
    private List<String> distinctClientOrganizations() {
        return em.createNativeQuery("select distinct organization_id from client order by 1")
                .getResultList();
    }

    private static <T> T across(java.util.concurrent.Callable<T> work) {
        return OrganizationScope.acrossOrganizations(
                () -> QuarkusTransaction.requiringNew().call(work));
    }
}
