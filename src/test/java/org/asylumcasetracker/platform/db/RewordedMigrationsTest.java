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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before V1's and V2's comments were reworded still validates and migrates; a migration whose
 * recorded checksum is neither the old text's nor the new one's still fails validation.
 */
@QuarkusTest
class RewordedMigrationsTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseMigratedBeforeTheRewordingValidatesAndMigrates() throws SQLException {
        for (RewordedMigrations.Reworded migration : RewordedMigrations.REWORDED) {
            setChecksum(migration.version(), migration.before());
        }
        assertTrue(flyway.validateWithResult().validationSuccessful, "validation with the old texts' checksums");
        for (RewordedMigrations.Reworded migration : RewordedMigrations.REWORDED) {
            assertEquals(migration.after(), checksum(migration.version()), "V" + migration.version());
        }

        setChecksum("1", RewordedMigrations.REWORDED.get(0).before());
        flyway.migrate(); // as at start: validates first, and would throw on a mismatch
        assertEquals(RewordedMigrations.REWORDED.get(0).after(), checksum("1"));
    }

    @Test
    void aMigrationChangedOtherwiseStillFailsValidation() throws SQLException {
        RewordedMigrations.Reworded first = RewordedMigrations.REWORDED.get(0);
        try {
            setChecksum(first.version(), 12345);
            assertFalse(flyway.validateWithResult().validationSuccessful, "an unknown checksum is not repaired");
            assertEquals(12345, checksum(first.version()));
        } finally {
            setChecksum(first.version(), first.after());
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
                PreparedStatement select =
                        connection.prepareStatement("select checksum from flyway_schema_history where version = ?")) {
            select.setString(1, version);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getInt(1);
            }
        }
    }
}
