package org.asylumcasetracker.integration.webhook;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.jboss.logging.Logger;

/**
 * The webhook meters: {@code asylum_webhook_deliveries_total{outcome}} counts attempts by what came of them, and
 * {@code asylum_webhook_oldest_pending_seconds} is the age of the oldest delivery still waiting to be delivered
 * (0 when none), read from the database, so every instance reports the same shared queue.
 */
@ApplicationScoped
@Startup // the gauge exists from the start, not from the first delivery
public class WebhookMetrics {

    /** What an attempt came to. */
    public enum Outcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** It failed and will be tried again. */
        RETRY,
        /** It failed for the last time: the delivery is FAILED. */
        FAILED
    }

    private static final Logger LOG = Logger.getLogger(WebhookMetrics.class);
    private static final String OLDEST_PENDING = "select coalesce(extract(epoch from now() - min(created_at)), 0)"
            + " from webhook_delivery where status = 'PENDING'";

    private final Map<Outcome, Counter> attempts = new EnumMap<>(Outcome.class);
    private final AgroalDataSource dataSource;

    @Inject
    public WebhookMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        for (Outcome outcome : Outcome.values()) {
            attempts.put(
                    outcome,
                    Counter.builder("asylum.webhook.deliveries")
                            .description("Webhook delivery attempts by outcome")
                            .tag("outcome", outcome.name().toLowerCase())
                            .register(registry));
        }
        Gauge.builder("asylum.webhook.oldest.pending", this, WebhookMetrics::oldestPendingSeconds)
                .description("Age of the oldest webhook delivery not yet delivered or given up")
                .baseUnit("seconds")
                .register(registry);
    }

    public void attempted(Outcome outcome) {
        attempts.get(outcome).increment();
    }

    /** Read when the metrics are scraped; NaN (no sample) when the database cannot answer. */
    double oldestPendingSeconds() {
        return OrganizationScope.acrossOrganizations(this::readOldestPendingSeconds);
    }

    private double readOldestPendingSeconds() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(OLDEST_PENDING)) {
            return result.next() ? result.getDouble(1) : 0;
        } catch (SQLException e) {
            LOG.debugf("The oldest pending webhook delivery could not be read (%s)", e.getSQLState());
            return Double.NaN;
        }
    }
}
