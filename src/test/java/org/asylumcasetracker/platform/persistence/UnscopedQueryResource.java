package org.asylumcasetracker.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoints that run the queries a careless change could write: no organization filter at all,
 * through the service's own EntityManager and connection pool, inside a request of the token's organization.
 */
@Path("/test-only/unscoped")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class UnscopedQueryResource {

    private final EntityManager em;

    public UnscopedQueryResource(EntityManager em) {
        this.em = em;
    }

    /** The organizations whose clients an unfiltered query returns, read in a transaction or without one. */
    @GET
    @Path("/client-organizations")
    @Operation(hidden = true)
    public List<String> clientOrganizations(@QueryParam("transactional") boolean transactional) {
        if (transactional) {
            return QuarkusTransaction.requiringNew().call(this::distinctClientOrganizations);
        }
        return distinctClientOrganizations();
    }

    /** How many clients of the organization an unfiltered update reaches (always rolled back). */
    @POST
    @Path("/touch-clients/{organization}")
    @Operation(hidden = true)
    public int touchClients(@PathParam("organization") String organization) {
        QuarkusTransaction.begin();
        try {
            return em.createNativeQuery("update client set first_name = first_name where organization_id = ?1")
                    .setParameter(1, organization)
                    .executeUpdate();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Tries to write a change-feed entry for the organization (always rolled back); the SQLSTATE when refused. */
    @POST
    @Path("/feed-entry/{organization}")
    @Operation(hidden = true)
    public String writeFeedEntry(@PathParam("organization") String organization) {
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("insert into change_feed (organization_id, type, entity_type, entity_id)"
                            + " values (?1, 'CLIENT_CREATED', 'CLIENT', ?2)")
                    .setParameter(1, organization)
                    .setParameter(2, UUID.randomUUID())
                    .executeUpdate();
            return "written";
        } catch (RuntimeException e) {
            return sqlState(e);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Asks to work across organizations in a request of one: refused. */
    @POST
    @Path("/across-organizations")
    @Operation(hidden = true)
    public String acrossOrganizations() {
        try {
            return OrganizationScope.acrossOrganizations(() -> "allowed");
        } catch (IllegalStateException e) {
            return "refused";
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> distinctClientOrganizations() {
        return em.createNativeQuery("select distinct organization_id from client order by 1")
                .getResultList();
    }

    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "no SQL error: " + error.getClass().getSimpleName();
    }
}
