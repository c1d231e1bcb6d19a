package org.asylumcasetracker.fee.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.fee.Fee;
import org.asylumcasetracker.fee.FeeSchedule;
import org.asylumcasetracker.platform.api.QueryDates;
import org.asylumcasetracker.platform.idempotency.Idempotent;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The asylum fee table: what each fee costs from which day on. Everyone may read it; administrators extend it. */
@Path("/api/v1/fees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fees", description = "Asylum fee amounts by effective date")
public class FeeResource {

    private final FeeSchedule schedule;

    @Inject
    public FeeResource(FeeSchedule schedule) {
        this.schedule = schedule;
    }

    /** One amount of a fee from its effective date on. */
    @Schema(name = "FeeAmount")
    public record FeeBody(
            @NotNull Fee fee,

            @NotNull
            @Schema(description = "The first day the amount is in force; not before 2025-07-04", example = "2026-10-01")
            LocalDate effectiveOn,

            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) @Schema(example = "102.00")
            BigDecimal amount,

            @NotBlank
            @Size(max = 300)
            @Schema(description = "Where the amount was published", example = "90 FR 12345 (1 September 2026)")
            String source) {

        static FeeBody from(FeeSchedule.Entry e) {
            return new FeeBody(e.fee(), e.effectiveOn(), e.amount(), e.source());
        }
    }

    /** The table, or the amounts in force on one day. */
    @Schema(name = "FeeTable")
    public record FeeTable(LocalDate on, List<FeeBody> items) {}

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATION, Roles.REPORTS, Roles.ADMIN})
    @Operation(operationId = "listFees", summary = "The fee table; with ?on= only the amounts in force that day")
    public FeeTable listFees(
            @QueryParam("on")
                    @Parameter(
                            description = "YYYY-MM-DD: the amounts in force on that day",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String on) {
        LocalDate day = QueryDates.parseOr("on", on, null);
        List<FeeSchedule.Entry> entries = day == null ? schedule.all() : schedule.inForceOn(day);
        return new FeeTable(day, entries.stream().map(FeeBody::from).toList());
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addFee", summary = "Add a fee amount from its effective date on (amounts never change)")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = FeeBody.class)))
    @APIResponse(responseCode = "409", description = "An amount of this fee with this effective date exists")
    public Response addFee(@NotNull @Valid FeeBody body) {
        FeeSchedule.Entry added =
                schedule.add(new FeeSchedule.Entry(body.fee(), body.effectiveOn(), body.amount(), body.source()));
        return Response.created(URI.create("/api/v1/fees?on=" + added.effectiveOn()))
                .entity(FeeBody.from(added))
                .build();
    }
}
