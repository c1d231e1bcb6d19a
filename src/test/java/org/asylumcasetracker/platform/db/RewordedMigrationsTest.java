package org.asylumcasetracker.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.asylumcasetracker.platform.db.RewordedMigrations.Rewording;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/**
 * A database that applied a migration before its comment was reworded starts as before; one whose migration text
 * differs in any other way is still refused. Against the test database's own history table, put back as it was.
 */
@QuarkusTest
class RewordedMigrationsTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceFlywayHasTheCallback() {
        assertTrue(Arrays.stream(flyway.getConfiguration().getCallbacks())
                .anyMatch(c -> c instanceof RewordedMigrations.Checksums));
    }

    @Test
    void eachCurrentChecksumIsTheOneFlywayComputesFromTheFile() {
        for (Rewording rewording : RewordedMigrations.REWORDINGS) {
            MigrationInfo applied = Arrays.stream(flyway.info().applied())
                    .filter(info -> info.getVersion().getVersion().equals(rewording.version()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(rewording.current(), applied.getChecksum(), "V" + rewording.version());
        }
    }

    @Test
    void aDatabaseThatAppliedTheEarlierWordingValidatesAndRecordsTheCurrentChecksum() throws SQLException {
        Rewording rewording = RewordedMigrations.REWORDINGS.get(0);
        try {
            setChecksum(rewording.version(), rewording.earlier());
            ValidateResult result = flyway.validateWithResult();

            assertTrue(result.validationSuccessful, () -> String.valueOf(result.invalidMigrations));
            assertEquals(rewording.current(), checksum(rewording.version()));
        } finally {
            setChecksum(rewording.version(), rewording.current());
        }
    }

    @Test
    void aMigrationAppliedFromAnyOtherTextIsStillRefused() throws SQLException {
        Rewording rewording = RewordedMigrations.REWORDINGS.get(1);
        int other = rewording.earlier() + 1;
        try {
            setChecksum(rewording.version(), other);
            ValidateResult result = flyway.validateWithResult();

            assertFalse(result.validationSuccessful);
            assertEquals(other, checksum(rewording.version()), "left as recorded");
        } finally {
            setChecksum(rewording.version(), rewording.current());
        }
    }

    private void setChecksum(String version, int checksum) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update flyway_schema_history set checksum = ? where version = ?")) {
            update.setInt(1, checksum);
            update.setString(2, version);
            assertEquals(1, update.executeUpdate());
        }
    }

    private int checksum(String version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select checksum from flyway_schema_history where version = ?")) {
            query.setString(1, version);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getInt(1);
            }
        }
    }
}
