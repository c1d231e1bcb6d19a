package org.asylumcasetracker.casestatus.remote;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The USCIS Case Status API: {@code GET <base-url>/case-status/{receiptNumber}} with an OAuth 2.0 bearer
 * token obtained with the client-credentials grant (https://developer.uscis.gov/api/case-status,
 * https://developer.uscis.gov/get-started/sandbox). The answer is read as text, so that a body that is not
 * the documented JSON is recognised as such instead of failing inside the client.
 */
@RegisterRestClient(configKey = "uscis-case-status")
@Path("/case-status")
public interface UscisCaseStatusApi {

    @GET
    @Path("/{receiptNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    Response caseStatus(
            @PathParam("receiptNumber") String receiptNumber,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
